package com.klarefi.auth.api;

import java.time.Instant;

/** A person who signs in to the admin dashboard. */
public record Operator(String operatorId, String email, Instant createdAt) {}
