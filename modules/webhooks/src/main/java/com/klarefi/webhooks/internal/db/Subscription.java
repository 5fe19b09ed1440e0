package com.klarefi.webhooks.internal.db;

/** An endpoint's subscription to one event type at one version. */
public record Subscription(String eventType, String version) {}
