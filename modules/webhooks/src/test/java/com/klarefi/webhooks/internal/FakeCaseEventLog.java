package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEvent.CaseUpdated;
import com.klarefi.cases.api.CaseEvent.DocumentFailed;
import com.klarefi.cases.api.CaseEvent.DocumentProcessed;
import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.CaseEventLog;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event log in memory that tells its listeners about every event a test appends, inside the
 * test's transaction, as the cases module does. A case belongs to the organisation and environment
 * it was last appended for, so tests that share a fixture may reuse case ids across organisations.
 */
public final class FakeCaseEventLog implements CaseEventLog {
    private record Owner(String orgId, Environment environment) {}

    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    private final AtomicLong cursor = new AtomicLong();

    /** A document of the case was processed. */
    public static CaseEvent processed(String caseId) {
        return new DocumentProcessed(caseId, "doc_" + caseId);
    }

    /** A document of the case failed. */
    public static CaseEvent failed(String caseId) {
        return new DocumentFailed(caseId, "doc_" + caseId, "fetch_failed");
    }

    /** The case is processed. */
    public static CaseEvent updated(String caseId) {
        return new CaseUpdated(caseId, "processed");
    }

    @Override
    public void addEventListener(CaseEventListener listener) {
        listeners.add(listener);
    }

    /** Appends the event for a case of the organisation in that environment; returns it as logged. */
    public LoggedCaseEvent append(Tx tx, String orgId, Environment environment, CaseEvent event) {
        owners.put(event.caseId(), new Owner(orgId, environment));
        return appendEvent(tx, event);
    }

    @Override
    public LoggedCaseEvent appendEvent(Tx tx, CaseEvent event) {
        Owner owner = owners.get(event.caseId());
        if (owner == null) {
            throw new IllegalArgumentException("no case " + event.caseId());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("case_id", event.caseId());
        payload.put("external_case_id", "ext-" + event.caseId());
        payload.put("trace_id", "trace-" + event.caseId());
        payload.putAll(event.details());
        LoggedCaseEvent logged =
                new LoggedCaseEvent(Ids.newId("evt"), cursor.incrementAndGet(), Instant.now(), event, payload);
        listeners.forEach(listener -> listener.onEvent(tx, owner.orgId(), owner.environment(), logged));
        return logged;
    }
}
