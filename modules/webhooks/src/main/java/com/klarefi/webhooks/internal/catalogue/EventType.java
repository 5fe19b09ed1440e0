package com.klarefi.webhooks.internal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of one event type: what customers subscribe to and what its {@code data} looks like. */
public record EventType(String eventType, String version, String description, boolean subscribable, JsonNode schema) {}
