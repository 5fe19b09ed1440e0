package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Environment;

/**
 * Told about every event appended to any case, inside the transaction that appends it, so what the
 * listener records (e.g. webhook deliveries) commits or rolls back with the event itself: an event
 * is never lost between the log and its subscribers.
 */
@FunctionalInterface
public interface CaseEventListener {
    void onEvent(Tx tx, String orgId, Environment environment, LoggedCaseEvent event);
}
