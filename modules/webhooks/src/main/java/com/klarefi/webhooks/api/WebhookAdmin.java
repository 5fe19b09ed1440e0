package com.klarefi.webhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What operators do with endpoints and deliveries, for the admin dashboard; the same rules as the
 * admin JSON API (refusals are {@code ApiException}s with the same codes).
 */
public interface WebhookAdmin {
    List<EventTypeInfo> eventTypes();

    List<WebhookEndpoint> endpoints(Optional<String> orgId);

    /** 404 {@code endpoint_not_found} when there is none. */
    WebhookEndpoint endpoint(String endpointId);

    /** Subscribes to the newest version of each named event type. */
    CreatedEndpoint create(String orgId, String environment, String url, String description, List<String> eventTypes);

    WebhookEndpoint subscribe(String endpointId, List<String> eventTypes);

    /** A new URL (the same rules as a registration; refused: 400 with detail {@code param} {@code url}) and description. */
    WebhookEndpoint update(String endpointId, String url, String description);

    /** Deletes the endpoint with its deliveries; 404 {@code endpoint_not_found} when there is none. */
    void delete(String endpointId);

    /** Sends a signed {@code webhook.test} to the endpoint now, whatever its status, and says what it answered. */
    TestSend sendTest(String endpointId);

    WebhookEndpoint pause(String endpointId);

    WebhookEndpoint resume(String endpointId);

    CreatedEndpoint rotateSecret(String endpointId);

    /** Newest first; {@code status} is pending, succeeded or failed. */
    List<WebhookDelivery> deliveries(String endpointId, Optional<String> status, int limit);

    Optional<WebhookDelivery> delivery(String deliveryId);

    List<DeliveryAttempt> attempts(String deliveryId);

    WebhookDelivery resend(String deliveryId);

    /** Sends every delivery created since {@code since} again, oldest first; returns how many. */
    int replay(String endpointId, Instant since);
}
