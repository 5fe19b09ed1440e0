package com.klarefi.cases.internal;

import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEvent.CaseUpdated;
import com.klarefi.cases.api.CaseEvent.DocumentErased;
import com.klarefi.cases.api.CaseEvent.DocumentFailed;
import com.klarefi.cases.api.CaseEvent.DocumentProcessed;
import com.klarefi.cases.api.CaseEvent.DocumentReceived;
import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.CaseRow;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opening cases, following their documents and writing their event log. */
final class CaseService {
    private final CaseRepository repository;
    private final Clock clock;
    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();

    CaseService(CaseRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void addEventListener(CaseEventListener listener) {
        listeners.add(listener);
    }

    /** Appends to the log and tells the listeners, all in the caller's transaction. */
    private LoggedCaseEvent append(Tx tx, CaseRow row, CaseEvent event, Instant now) {
        Map<String, Object> payload = basePayload(row);
        payload.putAll(event.details());
        String eventId = Ids.newId("evt");
        long cursor = repository.appendEvent(tx, row.id(), eventId, event.eventType(), payload, now);
        LoggedCaseEvent logged = new LoggedCaseEvent(eventId, cursor, now, event, payload);
        Environment environment = Environment.fromWire(row.environment()).orElseThrow();
        for (CaseEventListener listener : listeners) {
            listener.onEvent(tx, row.orgId(), environment, logged);
        }
        return logged;
    }

    String addDocument(Tx tx, Caller caller, CaseOpening opening, String docId) {
        Instant now = now();
        CaseRow row = openOrJoin(tx, caller, opening, now);
        addDocument(tx, row, docId, now);
        return row.id();
    }

    String openCase(Tx tx, Caller caller, CaseOpening opening) {
        return openOrJoin(tx, caller, opening, now()).id();
    }

    /** The caller's existing case, locked; throws when the caller has no such case. */
    CaseRow addDocument(Tx tx, Caller caller, String caseId, String docId) {
        CaseRow row = repository
                .lockCase(tx, caseId)
                .filter(found -> found.orgId().equals(caller.orgId())
                        && found.environment().equals(caller.environment().wireName()))
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId + " for this caller"));
        addDocument(tx, row, docId, now());
        return row;
    }

    LoggedCaseEvent appendEvent(Tx tx, CaseEvent event) {
        CaseRow row = repository
                .lockCase(tx, event.caseId())
                .orElseThrow(() -> new IllegalArgumentException("no case " + event.caseId()));
        return append(tx, row, event, now());
    }

    private CaseRow openOrJoin(Tx tx, Caller caller, CaseOpening opening, Instant now) {
        CaseRow row = repository.openOrJoin(tx, caller, opening, Ids.newId("case"), now);
        if (!row.caseTypeId().equals(opening.caseTypeId())) {
            throw ApiException.validation(
                            "case_type_mismatch",
                            "Case " + row.id() + " (external_case_id "
                                    + opening.externalCaseId().orElse("") + ") has case_type_id '" + row.caseTypeId()
                                    + "'; a document for it cannot use '" + opening.caseTypeId() + "'.")
                    .withDetail("param", "case_type_id");
        }
        return row;
    }

    private void addDocument(Tx tx, CaseRow row, String docId, Instant now) {
        repository.addDocument(tx, row.id(), docId, now);
        append(tx, row, new DocumentReceived(row.id(), docId), now);
        String status = repository.refreshStatus(tx, row.id(), now);
        if (!status.equals(row.status())) {
            appendCaseUpdated(tx, row, status, now);
        }
    }

    void documentFinished(Tx tx, String docId, DocumentOutcome outcome) {
        Instant now = now();
        CaseRow row = repository
                .lockCaseOfDocument(tx, docId)
                .orElseThrow(() -> new IllegalStateException("document " + docId + " belongs to no case"));
        repository.recordOutcome(tx, outcome, now);
        CaseEvent finished = "failed".equals(outcome.status())
                ? new DocumentFailed(row.id(), docId, outcome.failureCode().orElseThrow())
                : new DocumentProcessed(row.id(), docId);
        append(tx, row, finished, now);
        appendCaseUpdated(tx, row, repository.refreshStatus(tx, row.id(), now), now);
    }

    void documentRequeued(Tx tx, String docId) {
        Instant now = now();
        CaseRow row = repository
                .lockCaseOfDocument(tx, docId)
                .orElseThrow(() -> new IllegalStateException("document " + docId + " belongs to no case"));
        repository.recordOutcome(tx, DocumentOutcome.queued(docId), now);
        appendCaseUpdated(tx, row, repository.refreshStatus(tx, row.id(), now), now);
    }

    void documentErased(Tx tx, String caseId, String auditId) {
        Instant now = now();
        CaseRow row = repository.lock(tx, caseId);
        append(tx, row, new DocumentErased(row.id(), auditId), now);
        appendCaseUpdated(tx, row, repository.refreshStatus(tx, row.id(), now), now);
    }

    private void appendCaseUpdated(Tx tx, CaseRow row, String status, Instant now) {
        append(tx, row, new CaseUpdated(row.id(), status), now);
    }

    /** Ids the customer's systems correlate on; never document content. */
    private static Map<String, Object> basePayload(CaseRow row) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("case_id", row.id());
        row.externalCaseId().ifPresent(id -> payload.put("external_case_id", id));
        row.externalApplicantId().ifPresent(id -> payload.put("external_applicant_id", id));
        row.externalCustomerId().ifPresent(id -> payload.put("external_customer_id", id));
        row.traceId().ifPresent(id -> payload.put("trace_id", id));
        return payload;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
