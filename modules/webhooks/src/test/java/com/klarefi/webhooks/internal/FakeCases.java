package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.ApplicantStatements;
import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.api.FeatureSnapshot;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Cases that only tell their listeners about events a test appends, inside the test's transaction. */
public final class FakeCases implements Cases {
    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong cursor = new AtomicLong();

    @Override
    public String name() {
        return "cases";
    }

    @Override
    public void addEventListener(CaseEventListener listener) {
        listeners.add(listener);
    }

    /** Tells every listener about a new event of the given type in the given transaction; returns the event. */
    public CaseEvent append(Tx tx, String orgId, Environment environment, String type, String caseId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("case_id", caseId);
        payload.put("doc_id", "doc_" + caseId);
        payload.put("status", "processed");
        payload.put("trace_id", "trace-" + caseId);
        payload.put("external_case_id", "ext-" + caseId);
        CaseEvent event = new CaseEvent(Ids.newId("evt"), caseId, cursor.incrementAndGet(), type, payload, Instant.now());
        listeners.forEach(listener -> listener.onEvent(tx, orgId, environment, event));
        return event;
    }

    @Override
    public String addDocument(Tx tx, Caller caller, CaseOpening opening, String docId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void documentFinished(Tx tx, String docId, DocumentOutcome outcome) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void documentRequeued(Tx tx, String docId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public LockedCase lockCaseOfDocument(Tx tx, String docId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void replaceFeatures(Tx tx, String caseId, List<CaseFeature> features) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public FeatureSnapshot featureSnapshot(Tx tx, String caseId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void removeDocument(Tx tx, String caseId, String docId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void documentErased(Tx tx, String caseId, String auditId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public void addStatementSource(ApplicantStatements source) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public List<CaseSummary> search(CaseSearch search, int limit) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public String openCase(Tx tx, Caller caller, CaseOpening opening) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public LockedCase addDocument(Tx tx, Caller caller, String caseId, String docId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public LockedCase lockCase(Tx tx, String caseId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public CaseEvent appendEvent(Tx tx, String caseId, String type, Map<String, Object> payload) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public List<CaseFeature> features(String caseId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public List<DocumentOutcome> documents(String caseId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }

    @Override
    public Optional<CaseView> view(String caseId) {
        throw new UnsupportedOperationException("not used by webhooks");
    }
}
