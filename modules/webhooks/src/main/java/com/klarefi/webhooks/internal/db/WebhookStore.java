package com.klarefi.webhooks.internal.db;

import com.klarefi.platform.db.Tx;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** Transactions over the webhooks schema, and work to run once the caller's transaction commits. */
public final class WebhookStore {
    private final Jdbi jdbi;

    public WebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T inTransaction(Function<Tx, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
    }

    /** Runs {@code action} after {@code tx} commits, never when it rolls back. */
    public static void afterCommit(Tx tx, Runnable action) {
        tx.handle().afterCommit(action);
    }
}
