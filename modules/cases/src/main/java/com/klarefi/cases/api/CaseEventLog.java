package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import java.util.Map;

/** Every case's event log, and whoever listens to it (webhooks, hosted intake sessions). */
public interface CaseEventLog {
    /**
     * Appends an event another module reports about the case (e.g. {@code session.completed}); the
     * case's correlation ids are added to {@code payload}, listeners are told as for any event.
     */
    CaseEvent appendEvent(Tx tx, String caseId, String eventType, Map<String, Object> payload);

    /** Registers a listener for every appended event; call while wiring, before traffic. */
    void addEventListener(CaseEventListener listener);
}
