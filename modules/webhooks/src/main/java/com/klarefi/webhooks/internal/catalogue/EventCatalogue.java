package com.klarefi.webhooks.internal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event types this version delivers, each at its versions. Read from {@code event-types.json}
 * beside this class, which is also what the API serves, so the documentation cannot drift.
 */
public final class EventCatalogue {
    public static final String ENDPOINT_PAUSED = "endpoint.paused";
    public static final String WEBHOOK_TEST = "webhook.test";

    private final List<EventType> types;

    private EventCatalogue(List<EventType> types) {
        this.types = List.copyOf(types);
    }

    public static EventCatalogue load() {
        try (InputStream in = EventCatalogue.class.getResourceAsStream("event-types.json")) {
            if (in == null) {
                throw new IllegalStateException("event-types.json is missing from the artifact");
            }
            JsonNode root = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<EventType> types = new ArrayList<>();
            for (JsonNode node : root) {
                types.add(new EventType(
                        node.path("event_type").asText(),
                        node.path("version").asText(),
                        node.path("description").asText(),
                        node.path("subscribable").asBoolean(true),
                        node.path("schema")));
            }
            return new EventCatalogue(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<EventType> all() {
        return types;
    }

    public Optional<EventType> find(String eventType, String version) {
        return types.stream()
                .filter(type ->
                        type.eventType().equals(eventType) && type.version().equals(version))
                .findFirst();
    }

    /** The newest version of a type: what a subscription without a version gets. */
    public Optional<String> latestVersion(String eventType) {
        return types.stream()
                .filter(type -> type.eventType().equals(eventType))
                .map(EventType::version)
                .max(EventCatalogue::compareVersions);
    }

    private static int compareVersions(String left, String right) {
        return Integer.compare(number(left), number(right));
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
