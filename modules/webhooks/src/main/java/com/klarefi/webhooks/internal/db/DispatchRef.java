package com.klarefi.webhooks.internal.db;

import java.time.Instant;

/** A delivery's current job: only the job with this dispatch number may send it. */
public record DispatchRef(String deliveryId, int dispatch, Instant at) {}
