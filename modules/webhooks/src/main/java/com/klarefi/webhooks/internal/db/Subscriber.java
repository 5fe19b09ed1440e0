package com.klarefi.webhooks.internal.db;

/** An endpoint that receives an event type, at the version it subscribed to. */
public record Subscriber(String endpointId, String version, boolean enabled) {}
