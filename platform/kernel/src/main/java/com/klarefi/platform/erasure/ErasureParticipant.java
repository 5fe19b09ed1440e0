package com.klarefi.platform.erasure;

import com.klarefi.platform.db.Tx;

/**
 * A module that keeps something derived from documents (webhook delivery logs, intake uploads,
 * idempotency records, ...) and removes it when a document is erased, inside the erasure's single
 * transaction, so the erasure commits everywhere or nowhere.
 */
@FunctionalInterface
public interface ErasureParticipant {
    void erase(Tx tx, ErasureTarget target);
}
