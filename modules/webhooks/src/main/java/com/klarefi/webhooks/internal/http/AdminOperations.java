package com.klarefi.webhooks.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.json.Json;
import com.klarefi.webhooks.api.CreatedEndpoint;
import com.klarefi.webhooks.api.DeliveryAttempt;
import com.klarefi.webhooks.api.EventSubscription;
import com.klarefi.webhooks.api.EventTypeInfo;
import com.klarefi.webhooks.api.TestSend;
import com.klarefi.webhooks.api.WebhookAdmin;
import com.klarefi.webhooks.api.WebhookDelivery;
import com.klarefi.webhooks.api.WebhookEndpoint;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.db.AttemptRow;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.EndpointRow;
import com.klarefi.webhooks.internal.db.Subscription;
import com.klarefi.webhooks.internal.delivery.SendResult;
import com.klarefi.webhooks.internal.delivery.SignedSender;
import com.klarefi.webhooks.internal.delivery.TestEvent;
import com.klarefi.webhooks.internal.endpoints.EndpointService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operations of the admin JSON API for the dashboard, with the same validation: subscriptions
 * go through the same reader as JSON requests, so both refuse the same things the same way.
 */
public final class AdminOperations implements WebhookAdmin {
    private final EndpointService service;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EventCatalogue catalogue;
    private final EndpointRequests requests;
    private final SignedSender sender;
    private final Clock clock;

    public AdminOperations(
            EndpointService service,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            EventCatalogue catalogue,
            SignedSender sender,
            Clock clock) {
        this.service = service;
        this.sender = sender;
        this.clock = clock;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.catalogue = catalogue;
        this.requests = new EndpointRequests(catalogue);
    }

    @Override
    public List<EventTypeInfo> eventTypes() {
        return catalogue.all().stream()
                .map(type ->
                        new EventTypeInfo(type.eventType(), type.version(), type.description(), type.subscribable()))
                .toList();
    }

    @Override
    public List<WebhookEndpoint> endpoints(Optional<String> orgId) {
        return endpoints.list(orgId, Optional.empty()).stream()
                .map(AdminOperations::endpoint)
                .toList();
    }

    @Override
    public WebhookEndpoint endpoint(String endpointId) {
        return endpoint(service.find(endpointId));
    }

    @Override
    public CreatedEndpoint create(
            String orgId, String environment, String url, String description, List<String> eventTypes) {
        ObjectNode body = Json.mapper().createObjectNode().put("environment", environment);
        return created(
                service.create(orgId, EndpointRequests.environment(body), url, description, subscriptions(eventTypes)));
    }

    @Override
    public WebhookEndpoint subscribe(String endpointId, List<String> eventTypes) {
        return endpoint(
                service.update(endpointId, Optional.empty(), Optional.empty(), Optional.of(subscriptions(eventTypes))));
    }

    @Override
    public WebhookEndpoint update(String endpointId, String url, String description) {
        return endpoint(service.update(endpointId, Optional.of(url), Optional.of(description), Optional.empty()));
    }

    @Override
    public void delete(String endpointId) {
        service.delete(endpointId);
    }

    @Override
    public TestSend sendTest(String endpointId) {
        EndpointRow endpoint = service.find(endpointId);
        String messageId = Ids.newId("msg");
        SendResult result = sender.send(
                endpoint,
                messageId,
                TestEvent.body(endpoint.orgId(), endpoint.environment(), messageId, clock.instant()));
        return new TestSend(
                result.succeeded(),
                result.statusCode(),
                result.errorClass(),
                result.duration().toMillis());
    }

    @Override
    public WebhookEndpoint pause(String endpointId) {
        return endpoint(service.pause(endpointId));
    }

    @Override
    public WebhookEndpoint resume(String endpointId) {
        return endpoint(service.resume(endpointId));
    }

    @Override
    public CreatedEndpoint rotateSecret(String endpointId) {
        return created(service.rotate(endpointId));
    }

    @Override
    public List<WebhookDelivery> deliveries(String endpointId, Optional<String> status, int limit) {
        return deliveries.list(service.find(endpointId).id(), status, limit).stream()
                .map(AdminOperations::delivery)
                .toList();
    }

    @Override
    public Optional<WebhookDelivery> delivery(String deliveryId) {
        return deliveries.find(deliveryId).map(AdminOperations::delivery);
    }

    @Override
    public List<DeliveryAttempt> attempts(String deliveryId) {
        return deliveries.attempts(deliveryId).stream()
                .map(AdminOperations::attempt)
                .toList();
    }

    @Override
    public WebhookDelivery resend(String deliveryId) {
        return delivery(service.resend(deliveryId));
    }

    @Override
    public int replay(String endpointId, Instant since) {
        return service.replay(endpointId, since);
    }

    private List<Subscription> subscriptions(List<String> eventTypes) {
        ArrayNode names = Json.mapper().createArrayNode();
        eventTypes.forEach(names::add);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("subscriptions", names);
        return requests.subscriptions(body)
                .orElseThrow(() -> ApiException.validation("missing_field", "Choose at least one event type.")
                        .withDetail("param", "subscriptions"));
    }

    private static CreatedEndpoint created(EndpointService.WithSecret withSecret) {
        return new CreatedEndpoint(
                endpoint(withSecret.endpoint()), withSecret.secret().text());
    }

    private static WebhookEndpoint endpoint(EndpointRow row) {
        return new WebhookEndpoint(
                row.id(),
                row.orgId(),
                row.environment(),
                row.url(),
                row.description(),
                row.status(),
                row.statusReason(),
                row.subscriptions().stream()
                        .map(subscription -> new EventSubscription(subscription.eventType(), subscription.version()))
                        .toList(),
                row.failingSince(),
                row.previousSecretExpiresAt(),
                row.createdAt());
    }

    private static WebhookDelivery delivery(DeliveryRow row) {
        return new WebhookDelivery(
                row.id(),
                row.endpointId(),
                row.messageId(),
                row.eventType(),
                row.version(),
                row.status(),
                row.attempts(),
                row.nextAttemptAt().filter(at -> row.status().equals(DeliveryRow.PENDING)),
                row.lastStatus(),
                row.lastError(),
                row.payload(),
                row.createdAt(),
                row.finishedAt());
    }

    private static DeliveryAttempt attempt(AttemptRow row) {
        return new DeliveryAttempt(
                row.attempt(),
                row.startedAt(),
                row.durationMs(),
                row.statusCode(),
                row.responseBody(),
                row.errorClass(),
                row.error());
    }
}
