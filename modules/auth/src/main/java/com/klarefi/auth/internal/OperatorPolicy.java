package com.klarefi.auth.internal;

import java.time.Duration;

/** How long dashboard sessions live and when repeated failures lock an account. */
public record OperatorPolicy(Duration idleTimeout, Duration maxAge, int lockoutFailures, Duration lockoutWindow) {}
