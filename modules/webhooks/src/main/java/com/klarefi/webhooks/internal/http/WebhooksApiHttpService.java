package com.klarefi.webhooks.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.json.Json;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.delivery.EndpointRules;
import com.klarefi.webhooks.internal.delivery.SendResult;
import com.klarefi.webhooks.internal.delivery.SignedSender;
import com.klarefi.webhooks.internal.delivery.TestEvent;
import com.klarefi.webhooks.internal.signing.SigningSecret;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The customers' webhook API: {@code POST /api/v1/webhooks/test} sends a signed
 * {@code webhook.test} event synchronously and reports what the receiver answered, and
 * {@code GET /api/v1/webhooks/event-types} lists what can be subscribed to.
 */
public final class WebhooksApiHttpService {
    private static final Set<String> FIELDS = Set.of("endpoint_url", "signing_secret");

    private final SignedSender sender;
    private final EndpointRules rules;
    private final EventCatalogue catalogue;
    private final JsonBodies bodies;
    private final Clock clock;

    public WebhooksApiHttpService(
            SignedSender sender, EndpointRules rules, EventCatalogue catalogue, JsonBodies bodies, Clock clock) {
        this.sender = sender;
        this.rules = rules;
        this.catalogue = catalogue;
        this.bodies = bodies;
        this.clock = clock;
    }

    public void routes(ApiRoutes routes) {
        routes.post("/webhooks/test", this::test);
        routes.get("/webhooks/event-types", (request, response) -> EventTypesView.send(response, catalogue));
    }

    private void test(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        JsonNode body = bodies.readObject(request);
        JsonBodies.refuseUnknownFields(body, FIELDS);
        String url = EndpointRequests.requiredText(body, "endpoint_url");
        SigningSecret secret = SigningSecret.parse(EndpointRequests.requiredText(body, "signing_secret"))
                .orElseThrow(() -> ApiException.validation(
                                "invalid_signing_secret", "'signing_secret' must be whsec_ followed by base64.")
                        .withDetail("param", "signing_secret"));
        rules.refusalToRegister(url, caller.environment().wireName()).ifPresent(refusal -> {
            throw ApiException.validation(refusal.code(), "The endpoint URL cannot be used: " + refusal.message() + ".")
                    .withDetail("param", "endpoint_url");
        });
        String messageId = Ids.newId("msg");
        SendResult result = sender.send(
                url,
                caller.environment().wireName(),
                List.of(secret),
                messageId,
                TestEvent.body(caller.orgId(), caller.environment().wireName(), messageId, clock.instant()));
        // An ObjectNode, not a map: the API leaves absent values out, but status_code is null by contract.
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("success", result.succeeded());
        answer.put("status_code", result.statusCode().orElse(null));
        answer.put("webhook_id", messageId);
        result.errorClass().ifPresent(error -> answer.put("error", error));
        result.error().ifPresent(message -> answer.put("error_message", message));
        answer.put("duration_ms", result.duration().toMillis());
        Responses.ok(response, answer);
    }
}
