package com.klarefi.auth.api;

import java.time.Instant;

/**
 * A signed-in operator. {@code csrfToken} must come back with every form the session submits;
 * {@code expiresAt} is the latest the session can live, however active it is.
 */
public record OperatorSession(String operatorId, String email, String csrfToken, Instant expiresAt) {}
