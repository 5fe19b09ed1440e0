package com.klarefi.webhooks.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.endpoints.EndpointService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operators' webhook API on the admin surface ({@code /admin/v1/webhooks/...}). */
public final class WebhooksAdminHttpService {
    private static final int MAX_LIMIT = 100;
    private static final Set<String> DELIVERY_STATUSES =
            Set.of(DeliveryRow.PENDING, DeliveryRow.SUCCEEDED, DeliveryRow.FAILED);

    private final EndpointService service;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EventCatalogue catalogue;
    private final EndpointRequests requests;
    private final JsonBodies bodies;

    public WebhooksAdminHttpService(
            EndpointService service,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            EventCatalogue catalogue,
            JsonBodies bodies) {
        this.service = service;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.catalogue = catalogue;
        this.requests = new EndpointRequests(catalogue);
        this.bodies = bodies;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/webhooks/event-types", (request, response) -> EventTypesView.send(response, catalogue));
        routes.post("/webhooks/endpoints", this::create);
        routes.get("/webhooks/endpoints", this::list);
        routes.get(
                "/webhooks/endpoints/{id}",
                (request, response) -> Responses.ok(response, Views.endpoint(service.find(id(request)))));
        routes.patch("/webhooks/endpoints/{id}", this::update);
        routes.delete("/webhooks/endpoints/{id}", this::delete);
        routes.post(
                "/webhooks/endpoints/{id}/pause",
                (request, response) -> Responses.ok(response, Views.endpoint(service.pause(id(request)))));
        routes.post(
                "/webhooks/endpoints/{id}/resume",
                (request, response) -> Responses.ok(response, Views.endpoint(service.resume(id(request)))));
        routes.post(
                "/webhooks/endpoints/{id}/rotate-secret",
                (request, response) -> withSecret(response, 200, service.rotate(id(request))));
        routes.get(
                "/webhooks/endpoints/{id}/secret",
                (request, response) -> Responses.ok(
                        response,
                        Map.of(
                                "id",
                                id(request),
                                "secret",
                                service.reveal(id(request)).text())));
        routes.get("/webhooks/endpoints/{id}/deliveries", this::deliveries);
        routes.post("/webhooks/endpoints/{id}/replay", this::replay);
        routes.get("/webhooks/deliveries/{id}", this::delivery);
        routes.post(
                "/webhooks/deliveries/{id}/resend",
                (request, response) -> Responses.ok(response, Views.delivery(service.resend(id(request)))));
    }

    private void create(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        String orgId = EndpointRequests.requiredText(body, "org_id");
        String environment = EndpointRequests.environment(body);
        String url = EndpointRequests.requiredText(body, "url");
        var subscriptions = requests.subscriptions(body)
                .orElseThrow(() -> ApiException.validation("missing_field", "'subscriptions' is required.")
                        .withDetail("param", "subscriptions"));
        String description = EndpointRequests.optionalText(body, "description").orElse("");
        withSecret(response, 201, service.create(orgId, environment, url, description, subscriptions));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Optional<String> orgId = request.query().first("org_id").asOptional();
        Optional<String> environment = request.query().first("environment").asOptional();
        Responses.ok(
                response,
                Map.of(
                        "endpoints",
                        endpoints.list(orgId, environment).stream()
                                .map(Views::endpoint)
                                .toList()));
    }

    private void update(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        Responses.ok(
                response,
                Views.endpoint(service.update(
                        id(request),
                        EndpointRequests.optionalText(body, "url"),
                        EndpointRequests.optionalText(body, "description"),
                        requests.subscriptions(body))));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        service.delete(id(request));
        Responses.ok(response, Map.of("id", id(request), "deleted", true));
    }

    private void deliveries(ServerRequest request, ServerResponse response) {
        String endpointId = service.find(id(request)).id();
        Optional<String> status = request.query().first("status").asOptional();
        if (status.isPresent() && !DELIVERY_STATUSES.contains(status.get())) {
            throw ApiException.validation("invalid_parameter", "'status' must be pending, succeeded or failed.")
                    .withDetail("param", "status");
        }
        int limit = limit(request);
        Responses.ok(
                response,
                Map.of(
                        "deliveries",
                        deliveries.list(endpointId, status, limit).stream()
                                .map(Views::delivery)
                                .toList()));
    }

    private void replay(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        String since = EndpointRequests.requiredText(body, "since");
        int count = service.replay(id(request), EndpointRequests.instant("since", since));
        Responses.ok(response, Map.of("endpoint_id", id(request), "since", since, "deliveries", count));
    }

    private void delivery(ServerRequest request, ServerResponse response) {
        String deliveryId = id(request);
        DeliveryRow row = deliveries
                .find(deliveryId)
                .orElseThrow(
                        () -> ApiException.notFound("delivery_not_found", "No webhook delivery " + deliveryId + "."));
        Responses.ok(response, Views.deliveryWithAttempts(row, deliveries.attempts(deliveryId)));
    }

    private static void withSecret(ServerResponse response, int status, EndpointService.WithSecret created) {
        Map<String, Object> view = new LinkedHashMap<>(Views.endpoint(created.endpoint()));
        view.put("secret", created.secret().text());
        Responses.json(response, status, view);
    }

    private static int limit(ServerRequest request) {
        String raw = request.query().first("limit").orElse(Integer.toString(MAX_LIMIT));
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.validation("invalid_parameter", "'limit' must be between 1 and " + MAX_LIMIT + ".")
                .withDetail("param", "limit");
    }

    private static String id(ServerRequest request) {
        return request.path().pathParameters().get("id");
    }
}
