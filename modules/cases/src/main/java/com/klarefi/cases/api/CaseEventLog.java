package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;

/** Every case's event log, and whoever listens to it (webhooks, hosted intake sessions). */
public interface CaseEventLog {
    /**
     * Appends an event another module reports about its case (e.g. {@link CaseEvent.SessionCompleted}),
     * under the case's lock; listeners are told as for any event.
     */
    LoggedCaseEvent appendEvent(Tx tx, CaseEvent event);

    /** Registers a listener for every appended event; call while wiring, before traffic. */
    void addEventListener(CaseEventListener listener);
}
