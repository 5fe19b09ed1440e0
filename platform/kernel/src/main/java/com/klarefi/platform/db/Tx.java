package com.klarefi.platform.db;

import org.jdbi.v3.core.Handle;

/**
 * An open database transaction that several modules write in, so that work spanning them (an
 * idempotency record and the case it created) commits or rolls back as one. Modules use the
 * handle only inside their {@code internal.db} packages.
 */
public final class Tx {
    private final Handle handle;

    public Tx(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }
}
