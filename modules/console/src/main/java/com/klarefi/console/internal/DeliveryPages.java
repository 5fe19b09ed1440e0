package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.webhooks.api.WebhookAdmin;
import com.klarefi.webhooks.api.WebhookDelivery;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Deliveries of an endpoint, one delivery with its attempts, and resending it. */
final class DeliveryPages {
    private static final int LIST_LIMIT = 100;
    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

    private final WebhookAdmin webhooks;
    private final Layout layout;
    private final SignedIn signedIn;

    DeliveryPages(WebhookAdmin webhooks, Layout layout, SignedIn signedIn) {
        this.webhooks = webhooks;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/deliveries/{deliveryId}", signedIn.page(this::delivery));
        routes.publicRoute(
                Method.POST, "/deliveries/{deliveryId}/resend", signedIn.form((request, response, session, form) -> {
                    WebhookDelivery resent =
                            webhooks.resend(request.path().pathParameters().get("deliveryId"));
                    Layout.redirect(
                            response, Dashboard.PREFIX + "/deliveries/" + Html.url(resent.id()) + "?done=resent");
                }));
    }

    /** The newest deliveries of an endpoint, filtered by status, as a section of the endpoint's page. */
    static String deliveries(WebhookAdmin webhooks, String endpointId, Optional<String> status) {
        Optional<String> filter = status.filter(STATUSES::contains);
        String base = Dashboard.PREFIX + "/webhooks/" + Html.url(endpointId);
        StringBuilder filters = new StringBuilder("<p class=\"filters\">Show: ").append(Html.link(base, "all"));
        STATUSES.stream()
                .sorted()
                .forEach(value -> filters.append(" · ").append(Html.link(base + "?status=" + value, value)));
        List<List<String>> rows = webhooks.deliveries(endpointId, filter, LIST_LIMIT).stream()
                .map(delivery -> List.of(
                        Html.link(Dashboard.PREFIX + "/deliveries/" + Html.url(delivery.id()), delivery.id()),
                        Html.text(delivery.eventType() + " " + delivery.version()),
                        Html.status(delivery.status()),
                        Integer.toString(delivery.attempts()),
                        Html.text(delivery.lastStatusCode()),
                        Html.time(delivery.createdAt()),
                        Html.time(delivery.nextAttemptAt())))
                .toList();
        return "<h2 id=\"deliveries\">Deliveries</h2>" + filters.append("</p>")
                + Html.table(
                        List.of("Delivery", "Event", "Status", "Attempts", "Last status", "Created", "Next attempt"),
                        rows,
                        "No deliveries" + filter.map(value -> " " + value).orElse("") + ".");
    }

    private void delivery(ServerRequest request, ServerResponse response, OperatorSession session) {
        String deliveryId = request.path().pathParameters().get("deliveryId");
        WebhookDelivery delivery = webhooks.delivery(deliveryId)
                .orElseThrow(() -> ApiException.notFound(
                        "delivery_not_found", "There is no webhook delivery " + deliveryId + "."));
        List<List<String>> attempts = webhooks.attempts(deliveryId).stream()
                .map(attempt -> List.of(
                        Integer.toString(attempt.attempt()),
                        Html.time(attempt.startedAt()),
                        attempt.durationMs() + " ms",
                        Html.text(attempt.statusCode()),
                        Html.text(attempt.error()
                                .map(error -> attempt.errorClass().orElse("") + ": " + error)),
                        "<pre class=\"snippet\">" + Html.text(attempt.responseBody()) + "</pre>"))
                .toList();
        String notice = request.query()
                .first("done")
                .asOptional()
                .filter("resent"::equals)
                .map(done -> Html.notice("The delivery was queued to be sent again."))
                .orElse("");
        String body = notice
                + Html.facts(List.of(
                        Html.fact(
                                "Endpoint",
                                Html.link(
                                        Dashboard.PREFIX + "/webhooks/" + Html.url(delivery.endpointId()),
                                        delivery.endpointId())),
                        Html.fact("webhook-id", Html.code(delivery.webhookId())),
                        Html.fact("Event", Html.text(delivery.eventType() + " " + delivery.version())),
                        Html.fact("Status", Html.status(delivery.status())),
                        Html.fact("Attempts", Integer.toString(delivery.attempts())),
                        Html.fact("Last error", Html.text(delivery.lastError())),
                        Html.fact("Created", Html.time(delivery.createdAt())),
                        Html.fact("Next attempt", Html.time(delivery.nextAttemptAt())),
                        Html.fact("Finished", Html.time(delivery.finishedAt()))))
                + "<div class=\"actions\">"
                + Layout.button(
                        session, Dashboard.PREFIX + "/deliveries/" + Html.url(delivery.id()) + "/resend", "Resend", "")
                + "</div>"
                + "<h2>Payload</h2><pre>" + Html.json(delivery.payload()) + "</pre>"
                + "<h2>Attempts</h2>"
                + Html.table(
                        List.of("#", "Started", "Took", "Status", "Error", "Response"), attempts, "Not attempted yet.");
        layout.page(request, response, session, WebhookPages.SECTION, "Delivery " + delivery.id(), body);
    }
}
