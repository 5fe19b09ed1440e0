package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.webhooks.api.CreatedEndpoint;
import com.klarefi.webhooks.api.EventSubscription;
import com.klarefi.webhooks.api.EventTypeInfo;
import com.klarefi.webhooks.api.WebhookAdmin;
import com.klarefi.webhooks.api.WebhookEndpoint;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook endpoints: register, subscribe, pause, resume, rotate the secret, replay. */
final class WebhookPages {
    static final String SECTION = "webhooks";
    private static final Map<String, String> NOTICES = Map.of("paused", "The endpoint is paused; deliveries wait for it.",
            "resumed", "The endpoint is enabled; waiting deliveries are being sent.",
            "subscribed", "The subscriptions were saved.", "replayed", "Deliveries were queued again.");

    private final WebhookAdmin webhooks;
    private final Organisations organisations;
    private final Layout layout;
    private final SignedIn signedIn;

    WebhookPages(WebhookAdmin webhooks, Organisations organisations, Layout layout, SignedIn signedIn) {
        this.webhooks = webhooks;
        this.organisations = organisations;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/webhooks", signedIn.page(this::list));
        routes.publicRoute(Method.POST, "/webhooks", signedIn.form(this::create));
        routes.publicRoute(Method.GET, "/webhooks/{endpointId}", signedIn.page(this::endpoint));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/pause", signedIn.form((request, response, session, form) ->
                done(response, webhooks.pause(id(request)), "paused")));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/resume", signedIn.form((request, response, session, form) ->
                done(response, webhooks.resume(id(request)), "resumed")));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/subscriptions", signedIn.form((request, response, session, form) ->
                done(response, webhooks.subscribe(id(request), form.all("event_type")), "subscribed")));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/replay", signedIn.form(this::replay));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/rotate-secret", signedIn.form((request, response, session, form) ->
                showSecret(request, response, session, webhooks.rotateSecret(id(request)),
                        "The secret was rotated; the previous one keeps signing beside it for a while.")));
    }

    private void list(ServerRequest request, ServerResponse response, OperatorSession session) {
        Optional<String> orgId = request.query().first("org").asOptional().filter(value -> !value.isBlank());
        List<List<String>> rows = webhooks.endpoints(orgId).stream().map(endpoint -> List.of(
                Html.link(Dashboard.PREFIX + "/webhooks/" + Html.url(endpoint.id()), endpoint.url()),
                Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(endpoint.orgId()), endpoint.orgId()),
                Html.text(endpoint.environment()), Html.status(endpoint.status()), subscriptions(endpoint))).toList();
        String body = Html.table(List.of("URL", "Organisation", "Environment", "Status", "Subscriptions"), rows,
                "No webhook endpoints" + (orgId.isPresent() ? " for this organisation." : " yet."))
                + "<h2>Register an endpoint</h2>" + createForm(session, orgId);
        layout.page(request, response, session, SECTION, "Webhook endpoints", body);
    }

    private String createForm(OperatorSession session, Optional<String> orgId) {
        StringBuilder organisationOptions = new StringBuilder();
        for (Organisation organisation : organisations.list()) {
            boolean chosen = orgId.filter(organisation.orgId()::equals).isPresent();
            organisationOptions.append("<option value=\"").append(Html.text(organisation.orgId())).append('"')
                    .append(chosen ? " selected" : "").append('>').append(Html.text(organisation.name())).append(" (")
                    .append(Html.text(organisation.orgId())).append(")</option>");
        }
        return "<form method=\"post\" action=\"" + Dashboard.PREFIX + "/webhooks\" class=\"stacked\">" + Layout.csrfField(session)
                + "<label for=\"org_id\">Organisation</label><select id=\"org_id\" name=\"org_id\" required>" + organisationOptions
                + "</select><label for=\"environment\">Environment</label><select id=\"environment\" name=\"environment\">"
                + "<option value=\"test\">test</option><option value=\"live\">live</option></select>"
                + "<label for=\"url\">URL</label><input id=\"url\" name=\"url\" type=\"url\" required placeholder=\"https://\">"
                + "<label for=\"description\">Description</label><input id=\"description\" name=\"description\">"
                + eventTypeChoices(Set.of()) + "<button type=\"submit\">Register endpoint</button></form>";
    }

    private String eventTypeChoices(Set<String> chosen) {
        StringBuilder out = new StringBuilder("<fieldset><legend>Event types (newest version)</legend>");
        webhooks.eventTypes().stream().filter(EventTypeInfo::subscribable).map(EventTypeInfo::eventType).distinct().forEach(type -> {
            String id = "event-" + type.replace('.', '-');
            out.append("<div class=\"check\"><input type=\"checkbox\" name=\"event_type\" id=\"").append(id).append("\" value=\"")
                    .append(Html.text(type)).append('"').append(chosen.contains(type) ? " checked" : "").append("><label for=\"")
                    .append(id).append("\">").append(Html.text(type)).append("</label></div>");
        });
        return out.append("</fieldset>").toString();
    }

    private void create(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        CreatedEndpoint created = webhooks.create(form.required("org_id", "An organisation"), form.value("environment").orElse(""),
                form.required("url", "A URL"), form.value("description").orElse(""), form.all("event_type"));
        showSecret(request, response, session, created, "The endpoint was registered.");
    }

    private void endpoint(ServerRequest request, ServerResponse response, OperatorSession session) {
        WebhookEndpoint endpoint = webhooks.endpoint(id(request));
        String path = Dashboard.PREFIX + "/webhooks/" + Html.url(endpoint.id());
        String notice = request.query().first("done").asOptional().map(NOTICES::get).map(Html::notice).orElse("");
        String toggle = endpoint.status().equals("enabled")
                ? Layout.button(session, path + "/pause", "Pause", "") : Layout.button(session, path + "/resume", "Resume", "");
        Set<String> subscribed = endpoint.subscriptions().stream().map(EventSubscription::eventType).collect(Collectors.toSet());
        String body = notice + Html.facts(List.of(Html.fact("Id", Html.code(endpoint.id())),
                        Html.fact("Organisation", Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(endpoint.orgId()), endpoint.orgId())
                                + " (" + Html.text(endpoint.environment()) + ")"),
                        Html.fact("Description", Html.text(endpoint.description())),
                        Html.fact("Status", Html.status(endpoint.status()) + " " + Html.text(endpoint.statusReason().orElse(""))),
                        Html.fact("Subscriptions", subscriptions(endpoint)),
                        Html.fact("Failing since", Html.time(endpoint.failingSince())),
                        Html.fact("Previous secret valid until", Html.time(endpoint.previousSecretValidUntil())),
                        Html.fact("Created", Html.time(endpoint.createdAt()))))
                + "<div class=\"actions\">" + toggle + Layout.button(session, path + "/rotate-secret", "Rotate secret", "") + "</div>"
                + "<h2>Subscriptions</h2><form method=\"post\" action=\"" + path + "/subscriptions\">" + Layout.csrfField(session)
                + eventTypeChoices(subscribed) + "<button type=\"submit\">Save subscriptions</button></form>"
                + "<h2>Replay</h2><form method=\"post\" action=\"" + path + "/replay\" class=\"row\">" + Layout.csrfField(session)
                + "<label for=\"since\">Send every delivery created since (UTC)</label>"
                + "<input id=\"since\" name=\"since\" required placeholder=\"2026-01-15T10:30:00Z\">"
                + "<button type=\"submit\">Replay</button></form>"
                + DeliveryPages.deliveries(webhooks, endpoint.id(), request.query().first("status").asOptional());
        layout.page(request, response, session, SECTION, endpoint.url(), body);
    }

    private void replay(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        String since = form.required("since", "A start time");
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("invalid_field", "The start time must look like 2026-01-15T10:30:00Z.");
        }
        webhooks.replay(id(request), from);
        Layout.redirect(response, Dashboard.PREFIX + "/webhooks/" + Html.url(id(request)) + "?done=replayed");
    }

    private void showSecret(ServerRequest request, ServerResponse response, OperatorSession session, CreatedEndpoint created,
                            String notice) {
        String body = Html.notice(notice) + Html.secret("Signing secret", created.secret())
                + "<p>" + Html.link(Dashboard.PREFIX + "/webhooks/" + Html.url(created.endpoint().id()), "Go to the endpoint") + "</p>";
        layout.page(request, response, session, 201, SECTION, created.endpoint().url(), body);
    }

    private static void done(ServerResponse response, WebhookEndpoint endpoint, String notice) {
        Layout.redirect(response, Dashboard.PREFIX + "/webhooks/" + Html.url(endpoint.id()) + "?done=" + notice);
    }

    private static String subscriptions(WebhookEndpoint endpoint) {
        return endpoint.subscriptions().stream().map(subscription -> Html.text(subscription.eventType() + " " + subscription.version()))
                .collect(Collectors.joining(", "));
    }

    private static String id(ServerRequest request) {
        return request.path().pathParameters().get("endpointId");
    }
}
