package com.klarefi.webhooks.internal.http;

import com.klarefi.platform.json.Json;
import com.klarefi.webhooks.internal.catalogue.EventType;
import com.klarefi.webhooks.internal.db.AttemptRow;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.EndpointRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of endpoints, deliveries, attempts and event types; secrets only where asked. */
final class Views {
    private Views() {}

    static Map<String, Object> endpoint(EndpointRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("org_id", row.orgId());
        view.put("environment", row.environment());
        view.put("url", row.url());
        view.put("description", row.description());
        view.put("status", row.status());
        row.statusReason().ifPresent(reason -> view.put("status_reason", reason));
        view.put("status_changed_at", row.statusChangedAt().toString());
        view.put(
                "subscriptions",
                row.subscriptions().stream()
                        .map(subscription ->
                                Map.of("event_type", subscription.eventType(), "version", subscription.version()))
                        .toList());
        row.failingSince().ifPresent(since -> view.put("failing_since", since.toString()));
        row.previousSecretExpiresAt().ifPresent(until -> view.put("previous_secret_valid_until", until.toString()));
        view.put("created_at", row.createdAt().toString());
        view.put("updated_at", row.updatedAt().toString());
        return view;
    }

    static Map<String, Object> delivery(DeliveryRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("endpoint_id", row.endpointId());
        view.put("webhook_id", row.messageId());
        view.put("event_type", row.eventType());
        view.put("version", row.version());
        view.put("status", row.status());
        view.put("attempts", row.attempts());
        row.nextAttemptAt()
                .filter(at -> row.status().equals(DeliveryRow.PENDING))
                .ifPresent(at -> view.put("next_attempt_at", at.toString()));
        row.lastStatus().ifPresent(code -> view.put("last_status_code", code));
        row.lastError().ifPresent(error -> view.put("last_error", error));
        view.put("created_at", row.createdAt().toString());
        row.finishedAt().ifPresent(at -> view.put("finished_at", at.toString()));
        return view;
    }

    static Map<String, Object> deliveryWithAttempts(DeliveryRow row, List<AttemptRow> attempts) {
        Map<String, Object> view = delivery(row);
        view.put("payload", Json.read(row.payload()));
        view.put("attempt_log", attempts.stream().map(Views::attempt).toList());
        return view;
    }

    private static Map<String, Object> attempt(AttemptRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("attempt", row.attempt());
        view.put("started_at", row.startedAt().toString());
        view.put("duration_ms", row.durationMs());
        row.statusCode().ifPresent(code -> view.put("status_code", code));
        view.put("response_body", row.responseBody());
        row.errorClass().ifPresent(error -> view.put("error_class", error));
        row.error().ifPresent(error -> view.put("error", error));
        return view;
    }

    static Map<String, Object> eventType(EventType type) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event_type", type.eventType());
        view.put("version", type.version());
        view.put("description", type.description());
        view.put("subscribable", type.subscribable());
        view.put("schema", type.schema());
        return view;
    }
}
