package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.webhooks.api.EventSubscription;
import com.klarefi.webhooks.api.TestSend;
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

/** One webhook endpoint: edit, test, pause, resume, subscribe, rotate its secret, replay and delete. */
final class EndpointPages {
    private static final Map<String, String> NOTICES = Map.of(
            "paused",
            "The endpoint is paused; deliveries wait for it.",
            "resumed",
            "The endpoint is enabled; waiting deliveries are being sent.",
            "subscribed",
            "The subscriptions were saved.",
            "replayed",
            "Deliveries were queued again.",
            "updated",
            "The endpoint was saved.");
    /** The fields of the edit form, by the name the webhooks module gives a refused value. */
    private static final Map<String, String> EDIT_FIELDS = Map.of("url", "url", "description", "description");

    private final WebhookAdmin webhooks;
    private final Layout layout;
    private final SignedIn signedIn;
    private final WebhookPages list;

    EndpointPages(WebhookAdmin webhooks, Layout layout, SignedIn signedIn, WebhookPages list) {
        this.webhooks = webhooks;
        this.layout = layout;
        this.signedIn = signedIn;
        this.list = list;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(
                Method.GET,
                "/webhooks/{endpointId}",
                signedIn.page((request, response, session) ->
                        endpoint(request, response, session, 200, Optional.empty(), Optional.empty())));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}", signedIn.form(this::edit));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/test", signedIn.form(this::sendTest));
        routes.publicRoute(
                Method.POST,
                "/webhooks/{endpointId}/pause",
                signedIn.form(
                        (request, response, session, form) -> done(response, webhooks.pause(id(request)), "paused")));
        routes.publicRoute(
                Method.POST,
                "/webhooks/{endpointId}/resume",
                signedIn.form(
                        (request, response, session, form) -> done(response, webhooks.resume(id(request)), "resumed")));
        routes.publicRoute(
                Method.POST,
                "/webhooks/{endpointId}/subscriptions",
                signedIn.form((request, response, session, form) ->
                        done(response, webhooks.subscribe(id(request), form.all("event_type")), "subscribed")));
        routes.publicRoute(Method.POST, "/webhooks/{endpointId}/replay", signedIn.form(this::replay));
        routes.publicRoute(Method.GET, "/webhooks/{endpointId}/rotate-secret", signedIn.page(this::confirmRotation));
        routes.publicRoute(
                Method.POST,
                "/webhooks/{endpointId}/rotate-secret",
                signedIn.form((request, response, session, form) -> list.showSecret(
                        response,
                        session,
                        webhooks.rotateSecret(id(request)),
                        "The secret was rotated; the previous one keeps signing beside it for a while.")));
        routes.publicRoute(Method.GET, "/webhooks/{endpointId}/delete", signedIn.page(this::confirmDelete));
        routes.publicRoute(
                Method.POST, "/webhooks/{endpointId}/delete", signedIn.form((request, response, session, form) -> {
                    webhooks.delete(id(request));
                    Layout.redirect(response, Dashboard.PREFIX + "/webhooks?done=deleted");
                }));
    }

    /** The endpoint; after a refused edit, the edit form as sent with the problem beside its field. */
    private void endpoint(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            int status,
            Optional<Form> sent,
            Optional<ApiException> problem) {
        WebhookEndpoint endpoint = webhooks.endpoint(id(request));
        String path = path(endpoint.id());
        String toggle = endpoint.status().equals("enabled")
                ? Layout.button(session, path + "/pause", "Pause", "")
                : Layout.button(session, path + "/resume", "Resume", "");
        Set<String> subscribed = endpoint.subscriptions().stream()
                .map(EventSubscription::eventType)
                .collect(Collectors.toSet());
        String body = notice(request)
                + Html.facts(List.of(
                        Html.fact("Id", Html.code(endpoint.id())),
                        Html.fact(
                                "Organisation",
                                Html.link(
                                                Dashboard.PREFIX + "/organisations/" + Html.url(endpoint.orgId()),
                                                endpoint.orgId())
                                        + " (" + Html.text(endpoint.environment()) + ")"),
                        Html.fact("Description", Html.text(endpoint.description())),
                        Html.fact(
                                "Status",
                                WebhookPages.health(endpoint) + " "
                                        + Html.text(endpoint.statusReason().orElse(""))),
                        Html.fact("Subscriptions", WebhookPages.subscriptions(endpoint)),
                        Html.fact("Previous secret valid until", Html.time(endpoint.previousSecretValidUntil())),
                        Html.fact("Created", Html.time(endpoint.createdAt()))))
                + "<div class=\"actions\">" + Layout.button(session, path + "/test", "Send a test event", "") + toggle
                + "<a class=\"button\" href=\"" + path + "/rotate-secret\">Rotate secret…</a>"
                + "<a class=\"button danger\" href=\"" + path + "/delete\">Delete…</a></div>"
                + editForm(session, endpoint, sent, problem)
                + "<h2>Subscriptions</h2><form method=\"post\" action=\"" + path + "/subscriptions\">"
                + Layout.csrfField(session)
                + list.eventTypeChoices(subscribed) + "<button type=\"submit\">Save subscriptions</button></form>"
                + "<h2>Replay</h2><form method=\"post\" action=\"" + path + "/replay\" class=\"row\">"
                + Layout.csrfField(session)
                + "<label for=\"since\">Send every delivery created since (UTC)</label>"
                + "<input id=\"since\" name=\"since\" required placeholder=\"2026-01-15T10:30:00Z\">"
                + "<button type=\"submit\">Replay</button></form>"
                + DeliveryPages.deliveries(
                        webhooks, endpoint.id(), request.query().first("status").asOptional());
        layout.page(request, response, session, status, WebhookPages.SECTION, endpoint.url(), body);
    }

    private static String editForm(
            OperatorSession session, WebhookEndpoint endpoint, Optional<Form> sent, Optional<ApiException> problem) {
        FieldErrors errors = new FieldErrors(problem, EDIT_FIELDS);
        String url = sent.map(form -> form.raw("url")).orElse(endpoint.url());
        String description = sent.map(form -> form.raw("description")).orElse(endpoint.description());
        return "<h2 id=\"edit\">Address and description</h2><form method=\"post\" action=\"" + path(endpoint.id())
                + "#edit\" class=\"stacked\">" + Layout.csrfField(session) + errors.unplaced()
                + "<label for=\"url\">URL</label><input id=\"url\" name=\"url\" type=\"url\" required value=\""
                + Html.text(url)
                + "\"" + errors.attributes("url") + ">" + errors.beside("url")
                + "<label for=\"description\">Description</label><input id=\"description\" name=\"description\" maxlength=\"500\" value=\""
                + Html.text(description) + "\"" + errors.attributes("description") + ">" + errors.beside("description")
                + "<button type=\"submit\">Save</button></form>";
    }

    private void edit(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        try {
            String url = form.value("url")
                    .orElseThrow(() -> ApiException.validation("missing_field", "A URL is required.")
                            .withDetail("param", "url"));
            done(
                    response,
                    webhooks.update(id(request), url, form.value("description").orElse("")),
                    "updated");
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            endpoint(request, response, session, 400, Optional.of(form), Optional.of(refused));
        }
    }

    /** Sends a test event and shows what came back on the endpoint's page (post/redirect/get). */
    private void sendTest(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        TestSend sent = webhooks.sendTest(id(request));
        String outcome = sent.statusCode()
                .map(code -> "&code=" + code)
                .orElseGet(() -> "&error=" + Html.url(sent.errorClass().orElse("unknown")));
        Layout.redirect(
                response, path(id(request)) + "?tested=" + (sent.succeeded() ? "delivered" : "refused") + outcome);
    }

    /** The notice of the action just done; a test's outcome is read from the redirect's query, digits and error names only. */
    private static String notice(ServerRequest request) {
        Optional<String> tested = request.query().first("tested").asOptional();
        if (tested.isPresent()) {
            String answer = request.query()
                    .first("code")
                    .asOptional()
                    .filter(code -> code.matches("[0-9]{3}"))
                    .map(code -> "HTTP " + code)
                    .or(() -> request.query()
                            .first("error")
                            .asOptional()
                            .filter(error -> error.matches("[a-z_]{1,40}"))
                            .map(error -> error.replace('_', ' ')))
                    .orElse("no answer");
            return tested.get().equals("delivered")
                    ? Html.notice("The test event was delivered: the endpoint answered " + answer + ".")
                    : Html.problem("The test event was not delivered: " + answer + ".");
        }
        return request.query()
                .first("done")
                .asOptional()
                .map(NOTICES::get)
                .map(Html::notice)
                .orElse("");
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
        Layout.redirect(response, path(id(request)) + "?done=replayed");
    }

    private void confirmRotation(ServerRequest request, ServerResponse response, OperatorSession session) {
        WebhookEndpoint endpoint = webhooks.endpoint(id(request));
        String path = path(endpoint.id());
        SecretPages.confirm(
                layout,
                request,
                response,
                session,
                WebhookPages.SECTION,
                "Rotate the signing secret of " + endpoint.url() + "?",
                "A new secret signs every delivery from now on; the previous one keeps signing beside it for a while, "
                        + "so the receiver must switch to the new one before then.",
                path + "/rotate-secret",
                "Rotate the secret",
                path);
    }

    private void confirmDelete(ServerRequest request, ServerResponse response, OperatorSession session) {
        WebhookEndpoint endpoint = webhooks.endpoint(id(request));
        String path = path(endpoint.id());
        SecretPages.confirm(
                layout,
                request,
                response,
                session,
                WebhookPages.SECTION,
                "Delete the endpoint " + endpoint.url() + "?",
                "No event is sent to it any more, and its deliveries and their attempts are deleted with it; this cannot be undone. "
                        + "To stop deliveries for a while, pause it instead.",
                path + "/delete",
                "Delete the endpoint",
                path);
    }

    private static void done(ServerResponse response, WebhookEndpoint endpoint, String notice) {
        Layout.redirect(response, path(endpoint.id()) + "?done=" + notice);
    }

    private static String path(String endpointId) {
        return Dashboard.PREFIX + "/webhooks/" + Html.url(endpointId);
    }

    private static String id(ServerRequest request) {
        return request.path().pathParameters().get("endpointId");
    }
}
