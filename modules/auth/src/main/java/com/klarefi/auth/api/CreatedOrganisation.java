package com.klarefi.auth.api;

import java.time.Instant;

/** A new organisation with its first test and live keys. */
public record CreatedOrganisation(
        String orgId, String name, Instant createdAt, CreatedKey testKey, CreatedKey liveKey) {}
