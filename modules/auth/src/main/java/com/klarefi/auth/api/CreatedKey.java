package com.klarefi.auth.api;

/** A key just created: the only moment its secret exists outside the caller's hands. */
public record CreatedKey(KeySummary summary, String secret) {}
