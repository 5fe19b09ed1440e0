/**
 * Exact per-organisation rate limits across instances, at local speed on the hot path.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Fixed windows aligned to the minute</b> (epoch second rounded down to a multiple of 60).
 *       Every instance computes the same window from its clock, the {@code X-RateLimit-Reset}
 *       header is simply the next minute, and there is nothing to remember between windows.</li>
 *   <li><b>One ledger row per organisation</b> in PostgreSQL ({@code ratelimit.window_usage}:
 *       window start, permits taken). It is the single source of truth: the sum of every permit
 *       ever granted in a window never exceeds the limit, because grants happen only inside
 *       {@code ratelimit.lease}, which locks the row, resets it when a new window starts, reads the
 *       organisation's current limit and grants at most what is left.</li>
 *   <li><b>Blocks spent locally.</b> An instance leases a block of permits and spends it from
 *       memory under the organisation's own monitor: a hash lookup and a decrement, well under a
 *       microsecond. Only when the block is empty does a request pay one database round trip.</li>
 *   <li><b>Adaptive block size:</b> a quarter of what is left in the window, at most 100, at least
 *       1. With a limit of 100 a busy instance leases 25, 18, 14, ... and finally single permits, so
 *       about one request in six touches the database, and near the end of the window no instance
 *       sits on permits another instance could use.</li>
 *   <li><b>Blocks expire.</b> Unspent permits older than two seconds go back to the ledger: on the
 *       next request (hand back and lease again in one round trip) or, for an instance that no
 *       longer sees the organisation, by the housekeeping pass every second. This bounds how long a
 *       lowered limit can be exceeded by permits leased under the old one, and lets a quiet
 *       instance's leftovers serve a busy one.</li>
 *   <li><b>Refusals are cheap too:</b> after the ledger refused, an instance refuses locally and
 *       asks again at most once a second (so a raised limit or handed-back permits show up within
 *       a second), keeping a flood of over-limit requests away from the database.</li>
 * </ul>
 *
 * <h2>Trade-offs</h2>
 * <ul>
 *   <li>Exact means "never more than the limit per window", not "always exactly the limit": a
 *       block leased by an instance that then stops seeing the organisation is unusable by others
 *       for up to about three seconds (lifetime plus housekeeping period). Blocks leased in the
 *       final seconds of a window and not spent are lost with the window.</li>
 *   <li>Fixed windows allow a burst of up to twice the limit across a window boundary (end of one
 *       minute, start of the next); that is the usual price of fixed windows and what the
 *       {@code X-RateLimit-*} headers describe.</li>
 *   <li>Windows come from each instance's clock, so instances must keep their clocks in sync
 *       (NTP). An instance whose clock lags behind a window another instance already opened gets
 *       no permits until its clock catches up; skew only shifts boundaries, it never grants a
 *       window's permits twice.</li>
 *   <li>{@code remaining} in the headers is exact for a single instance; with several it is this
 *       instance's view (what the ledger had left at its last lease plus its own unspent block).</li>
 *   <li>A database failure during a lease fails the request (an exception, rendered as 500): the
 *       limiter never guesses, and without the database the API cannot serve the request anyway.</li>
 *   <li>A lowered limit applies to new leases at once and to permits already leased within about
 *       two seconds; a raised one within a second.</li>
 * </ul>
 */
package com.klarefi.ratelimit.internal.limiter;
