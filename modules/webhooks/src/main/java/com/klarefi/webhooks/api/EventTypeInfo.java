package com.klarefi.webhooks.api;

/** One version of one event type of the catalogue. */
public record EventTypeInfo(String eventType, String version, String description, boolean subscribable) {}
