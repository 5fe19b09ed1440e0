package com.klarefi.webhooks.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Environment;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.catalogue.EventType;
import com.klarefi.webhooks.internal.db.Subscription;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and validates the fields of endpoint requests; subscriptions are checked against the catalogue. */
final class EndpointRequests {
    private final EventCatalogue catalogue;

    EndpointRequests(EventCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    static String requiredText(JsonNode body, String field) {
        return optionalText(body, field)
                .orElseThrow(() -> ApiException.validation("missing_field", "'" + field + "' is required.")
                        .withDetail("param", field));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiException.validation("invalid_field", "'" + field + "' must be a non-empty string.")
                    .withDetail("param", field);
        }
        return Optional.of(node.asText());
    }

    static String environment(JsonNode body) {
        String value = requiredText(body, "environment");
        return Environment.fromWire(value)
                .map(Environment::wireName)
                .orElseThrow(
                        () -> ApiException.validation("invalid_environment", "'environment' must be 'test' or 'live'.")
                                .withDetail("param", "environment"));
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(
                            "invalid_field", "'" + field + "' must be an ISO-8601 time such as 2026-01-15T10:30:00Z.")
                    .withDetail("param", field);
        }
    }

    /** {@code [{"event_type": "document.processed", "version": "v1"}]}; a plain type name means its newest version. */
    Optional<List<Subscription>> subscriptions(JsonNode body) {
        JsonNode node = body.path("subscriptions");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw invalidSubscriptions(
                    "'subscriptions' must be a non-empty list of {\"event_type\", \"version\"} objects.");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : node) {
            Subscription subscription = subscription(item);
            if (!seen.add(subscription.eventType())) {
                throw invalidSubscriptions(
                        "'" + subscription.eventType() + "' is listed twice; subscribe to one version of a type.");
            }
            subscriptions.add(subscription);
        }
        return Optional.of(subscriptions);
    }

    private Subscription subscription(JsonNode item) {
        String type = item.isTextual() ? item.asText() : item.path("event_type").asText("");
        String version = item.isTextual() ? "" : item.path("version").asText("");
        if (version.isEmpty()) {
            version = catalogue.latestVersion(type).orElseThrow(() -> unknown(type, "any version"));
        }
        EventType known = catalogue
                .find(type, version)
                .orElseThrow(
                        () -> unknown(type, "version " + item.path("version").asText()));
        if (!known.subscribable()) {
            throw invalidSubscriptions("'" + type + "' cannot be subscribed to.");
        }
        return new Subscription(type, version);
    }

    private ApiException unknown(String type, String version) {
        return ApiException.validation(
                        "unknown_event_type",
                        "There is no event type '" + type + "' at " + version
                                + "; GET /admin/v1/webhooks/event-types lists them.")
                .withDetail("param", "subscriptions");
    }

    private static ApiException invalidSubscriptions(String message) {
        return ApiException.validation("invalid_subscriptions", message).withDetail("param", "subscriptions");
    }
}
