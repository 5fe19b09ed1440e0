package com.klarefi.webhooks.api;

/** An endpoint's subscription to one event type at one version. */
public record EventSubscription(String eventType, String version) {}
