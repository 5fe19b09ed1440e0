package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.webhooks.api.CreatedEndpoint;
import com.klarefi.webhooks.api.EventTypeInfo;
import com.klarefi.webhooks.api.WebhookAdmin;
import com.klarefi.webhooks.api.WebhookDelivery;
import com.klarefi.webhooks.api.WebhookEndpoint;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook endpoints: the list with each one's health, and registering one ({@link EndpointPages} has the rest). */
final class WebhookPages {
    static final String SECTION = "webhooks";
    private static final Map<String, String> NOTICES = Map.of("deleted", "The endpoint was deleted.");

    /** How many of an endpoint's latest deliveries the list counts. */
    private static final int RECENT = 50;
    /** The fields of the registration form, by the name the webhooks module gives a refused value. */
    private static final Map<String, String> FIELDS = Map.of(
            "org_id",
            "org_id",
            "environment",
            "environment",
            "url",
            "url",
            "subscriptions",
            "event_type",
            "event_type",
            "event_type");

    private final WebhookAdmin webhooks;
    private final Organisations organisations;
    private final Layout layout;
    private final SignedIn signedIn;
    private final SecretPages secrets;

    WebhookPages(
            WebhookAdmin webhooks, Organisations organisations, Layout layout, SignedIn signedIn, SecretPages secrets) {
        this.webhooks = webhooks;
        this.organisations = organisations;
        this.layout = layout;
        this.signedIn = signedIn;
        this.secrets = secrets;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/webhooks", signedIn.page(this::list));
        routes.publicRoute(Method.POST, "/webhooks", signedIn.form(this::create));
    }

    private void list(ServerRequest request, ServerResponse response, OperatorSession session) {
        Optional<String> orgId = request.query().first("org").asOptional().filter(value -> !value.isBlank());
        list(request, response, session, 200, orgId, Optional.empty(), Optional.empty());
    }

    /** The list and the registration form; after a refused registration, the form as sent with the problem beside its field. */
    private void list(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            int status,
            Optional<String> orgId,
            Optional<Form> sent,
            Optional<ApiException> problem) {
        Map<String, String> names =
                organisations.list().stream().collect(Collectors.toMap(Organisation::orgId, Organisation::name));
        List<List<String>> rows = webhooks.endpoints(orgId).stream()
                .map(endpoint -> List.of(
                        Html.link(Dashboard.PREFIX + "/webhooks/" + Html.url(endpoint.id()), endpoint.url()),
                        Html.link(
                                Dashboard.PREFIX + "/organisations/" + Html.url(endpoint.orgId()),
                                names.getOrDefault(endpoint.orgId(), endpoint.orgId())),
                        Html.text(endpoint.environment()),
                        health(endpoint),
                        recentDeliveries(endpoint),
                        subscriptions(endpoint)))
                .toList();
        String notice = request.query()
                .first("done")
                .asOptional()
                .map(NOTICES::get)
                .map(Html::notice)
                .orElse("");
        String body = notice
                + Html.table(
                        List.of("URL", "Organisation", "Environment", "Health", "Recent deliveries", "Subscriptions"),
                        rows,
                        "No webhook endpoints" + (orgId.isPresent() ? " for this organisation." : " yet."))
                + "<h2 id=\"register\">Register an endpoint</h2>" + createForm(session, orgId, sent, problem);
        layout.page(request, response, session, status, SECTION, "Webhook endpoints", body);
    }

    /** Enabled is not healthy when every delivery fails: an endpoint that is failing says so, and since when. */
    static String health(WebhookEndpoint endpoint) {
        if (endpoint.status().equals("enabled") && endpoint.failingSince().isPresent()) {
            return Html.status("failing") + " since "
                    + Html.time(endpoint.failingSince().get());
        }
        return Html.status(endpoint.status());
    }

    private String recentDeliveries(WebhookEndpoint endpoint) {
        List<WebhookDelivery> recent = webhooks.deliveries(endpoint.id(), Optional.empty(), RECENT);
        long succeeded = recent.stream()
                .filter(delivery -> delivery.status().equals("succeeded"))
                .count();
        long failed = recent.stream()
                .filter(delivery -> delivery.status().equals("failed"))
                .count();
        long pending = recent.size() - succeeded - failed;
        if (recent.isEmpty()) {
            return "<span class=\"muted\">none yet</span>";
        }
        return succeeded + " of " + (succeeded + failed) + " delivered"
                + (pending > 0 ? ", " + pending + " pending" : "")
                + (failed > 0 ? " <span class=\"status status-failed\">" + failed + " failed</span>" : "");
    }

    private String createForm(
            OperatorSession session, Optional<String> orgId, Optional<Form> sent, Optional<ApiException> problem) {
        Optional<String> chosenOrg = sent.flatMap(form -> form.value("org_id")).or(() -> orgId);
        StringBuilder organisationOptions = new StringBuilder();
        for (Organisation organisation : organisations.list()) {
            boolean chosen = chosenOrg.filter(organisation.orgId()::equals).isPresent();
            organisationOptions
                    .append("<option value=\"")
                    .append(Html.text(organisation.orgId()))
                    .append('"')
                    .append(chosen ? " selected" : "")
                    .append('>')
                    .append(Html.text(organisation.name()))
                    .append(" (")
                    .append(Html.text(organisation.orgId()))
                    .append(")</option>");
        }
        String environment = sent.flatMap(form -> form.value("environment")).orElse("test");
        FieldErrors errors = new FieldErrors(problem, FIELDS);
        return "<form method=\"post\" action=\"" + Dashboard.PREFIX + "/webhooks#register\" class=\"stacked\">"
                + Layout.csrfField(session)
                + errors.unplaced()
                + "<label for=\"org_id\">Organisation</label><select id=\"org_id\" name=\"org_id\" required"
                + errors.attributes("org_id") + ">" + organisationOptions + "</select>" + errors.beside("org_id")
                + "<label for=\"environment\">Environment</label><select id=\"environment\" name=\"environment\""
                + errors.attributes("environment") + ">"
                + "<option value=\"test\"" + (environment.equals("test") ? " selected" : "") + ">test</option>"
                + "<option value=\"live\"" + (environment.equals("live") ? " selected" : "") + ">live</option></select>"
                + errors.beside("environment")
                + "<label for=\"url\">URL</label><input id=\"url\" name=\"url\" type=\"url\" required placeholder=\"https://\" value=\""
                + Html.text(sent.map(form -> form.raw("url")).orElse("")) + "\"" + errors.attributes("url") + ">"
                + errors.beside("url")
                + "<label for=\"description\">Description</label><input id=\"description\" name=\"description\" value=\""
                + Html.text(sent.map(form -> form.raw("description")).orElse("")) + "\">"
                + eventTypeChoices(
                        sent.map(form -> Set.copyOf(form.all("event_type"))).orElse(Set.of()))
                + errors.beside("event_type") + "<button type=\"submit\">Register endpoint</button></form>";
    }

    String eventTypeChoices(Set<String> chosen) {
        StringBuilder out = new StringBuilder("<fieldset><legend>Event types (newest version)</legend>");
        webhooks.eventTypes().stream()
                .filter(EventTypeInfo::subscribable)
                .map(EventTypeInfo::eventType)
                .distinct()
                .forEach(type -> {
                    String id = "event-" + type.replace('.', '-');
                    out.append("<div class=\"check\"><input type=\"checkbox\" name=\"event_type\" id=\"")
                            .append(id)
                            .append("\" value=\"")
                            .append(Html.text(type))
                            .append('"')
                            .append(chosen.contains(type) ? " checked" : "")
                            .append("><label for=\"")
                            .append(id)
                            .append("\">")
                            .append(Html.text(type))
                            .append("</label></div>");
                });
        return out.append("</fieldset>").toString();
    }

    private void create(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        CreatedEndpoint created;
        try {
            created = webhooks.create(
                    form.required("org_id", "An organisation"),
                    form.value("environment").orElse(""),
                    form.required("url", "A URL"),
                    form.value("description").orElse(""),
                    form.all("event_type"));
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            list(request, response, session, 400, Optional.empty(), Optional.of(form), Optional.of(refused));
            return;
        }
        showSecret(response, session, created, "The endpoint was registered.");
    }

    void showSecret(ServerResponse response, OperatorSession session, CreatedEndpoint created, String notice) {
        secrets.redirectToSecret(
                response,
                session,
                new ShownOnce.Page(
                        created.endpoint().url(),
                        notice,
                        List.of(Map.entry("Signing secret", created.secret())),
                        Dashboard.PREFIX + "/webhooks/"
                                + Html.url(created.endpoint().id()),
                        "Go to the endpoint"));
    }

    static String subscriptions(WebhookEndpoint endpoint) {
        return endpoint.subscriptions().stream()
                .map(subscription -> Html.text(subscription.eventType() + " " + subscription.version()))
                .collect(Collectors.joining(", "));
    }
}
