package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.json.Json;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.NewDelivery;
import com.klarefi.webhooks.internal.db.Subscriber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records an event as one delivery per subscribed endpoint inside the caller's transaction, so the
 * deliveries exist exactly when the event does. Paused endpoints get their delivery too; it waits
 * for the resume.
 */
public final class Outbox {
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;

    public Outbox(EndpointRepository endpoints, DeliveryRepository deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** Returns the deliveries to hand to jobs once the transaction commits (those of enabled endpoints). */
    public List<DispatchRef> record(Tx tx, Event event, String excludedEndpointId) {
        List<DispatchRef> toSend = new ArrayList<>();
        for (Subscriber subscriber : endpoints.subscribers(tx, event.orgId(), event.environment(), event.type())) {
            if (subscriber.endpointId().equals(excludedEndpointId)) {
                continue;
            }
            String id = Ids.newId("dlv");
            deliveries.insert(
                    tx,
                    new NewDelivery(
                            id,
                            subscriber.endpointId(),
                            event.messageId(),
                            event.type(),
                            subscriber.version(),
                            body(event, subscriber.version()),
                            event.occurredAt()));
            if (subscriber.enabled()) {
                toSend.add(new DispatchRef(id, 0, event.occurredAt()));
            }
        }
        return toSend;
    }

    /**
     * The request body: Standard Webhooks' {@code type}, {@code timestamp} and {@code data}, plus
     * version and environment, and the identity the events API shows for the same event
     * ({@code event_id}, also the {@code webhook-id}; {@code event_type}; {@code cursor} for case events;
     * {@code created_at}).
     */
    public static String body(Event event, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("version", version);
        body.put("timestamp", event.occurredAt().toString());
        body.put("environment", event.environment());
        body.put("event_id", event.messageId());
        body.put("event_type", event.type());
        event.cursor().ifPresent(cursor -> body.put("cursor", cursor));
        body.put("created_at", event.occurredAt().toString());
        body.put("data", event.data());
        return Json.writeString(body);
    }

    /**
     * An event to deliver; {@code messageId} becomes the stable {@code webhook-id}, {@code cursor} is
     * the position in its case's event log (case events only).
     */
    public record Event(
            String orgId,
            String environment,
            String type,
            String messageId,
            Optional<Long> cursor,
            Map<String, Object> data,
            Instant occurredAt) {}
}
