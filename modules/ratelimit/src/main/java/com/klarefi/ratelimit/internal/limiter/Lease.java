package com.klarefi.ratelimit.internal.limiter;

/**
 * What the ledger granted.
 *
 * @param granted permits this instance may now spend locally (0 when the window is spent)
 * @param used    permits all instances together have taken from the window, this grant included
 * @param limit   the organisation's limit the ledger applied
 */
public record Lease(int granted, int used, int limit) {}
