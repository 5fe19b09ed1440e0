package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEventLog;
import com.klarefi.cases.api.CaseEventListener;
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
    private record Owner(String orgId, Environment environment) {
    }

    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    private final AtomicLong cursor = new AtomicLong();

    @Override
    public void addEventListener(CaseEventListener listener) {
        listeners.add(listener);
    }

    /** Appends an event of the given type about a processed document of the case; returns the event. */
    public CaseEvent append(Tx tx, String orgId, Environment environment, String type, String caseId) {
        owners.put(caseId, new Owner(orgId, environment));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("doc_id", "doc_" + caseId);
        payload.put("status", "processed");
        return appendEvent(tx, caseId, type, payload);
    }

    @Override
    public CaseEvent appendEvent(Tx tx, String caseId, String eventType, Map<String, Object> payload) {
        Owner owner = owners.get(caseId);
        if (owner == null) {
            throw new IllegalArgumentException("no case " + caseId);
        }
        Map<String, Object> withIds = new LinkedHashMap<>();
        withIds.put("case_id", caseId);
        withIds.putAll(payload);
        withIds.put("trace_id", "trace-" + caseId);
        withIds.put("external_case_id", "ext-" + caseId);
        CaseEvent event = new CaseEvent(Ids.newId("evt"), caseId, cursor.incrementAndGet(), eventType, withIds, Instant.now());
        listeners.forEach(listener -> listener.onEvent(tx, owner.orgId(), owner.environment(), event));
        return event;
    }
}
