package com.klarefi.auth.api;

import java.time.Instant;

public record Organisation(String orgId, String name, Instant createdAt) {}
