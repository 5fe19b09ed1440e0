package com.klarefi.console.internal;

import com.klarefi.auth.api.CreatedKey;
import com.klarefi.auth.api.CreatedOrganisation;
import com.klarefi.auth.api.KeySummary;
import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Environment;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organisations and their API keys: create, revoke, roll; new secrets are shown once. */
final class OrganisationPages {
    private static final String SECTION = "organisations";
    private final Organisations organisations;
    private final Layout layout;
    private final SignedIn signedIn;
    private static final Map<String, String> NOTICES = Map.of(
            "revoked", "The key was revoked; requests with it are refused from now on.",
            "profile", "What applicants see was saved.");
    private final Clock clock;
    private final SecretPages secrets;

    OrganisationPages(Organisations organisations, Layout layout, SignedIn signedIn, Clock clock, SecretPages secrets) {
        this.organisations = organisations;
        this.layout = layout;
        this.signedIn = signedIn;
        this.clock = clock;
        this.secrets = secrets;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/organisations", signedIn.page(this::list));
        routes.publicRoute(Method.POST, "/organisations", signedIn.form(this::create));
        routes.publicRoute(
                Method.GET,
                "/organisations/{orgId}",
                signedIn.page((request, response, session) ->
                        organisation(request, response, session, 200, Optional.empty(), Optional.empty())));
        routes.publicRoute(Method.POST, "/organisations/{orgId}/profile", signedIn.form(this::saveProfile));
        routes.publicRoute(
                Method.GET,
                "/organisations/{orgId}/logo",
                signedIn.page((request, response, session) -> ProfileForm.sendLogo(
                        response,
                        organisations
                                .logo(find(request.path().pathParameters().get("orgId"))
                                        .orgId())
                                .orElseThrow(() ->
                                        ApiException.notFound("logo_not_found", "This organisation has no logo.")))));
        routes.publicRoute(Method.POST, "/organisations/{orgId}/keys", signedIn.form(this::createKey));
        routes.publicRoute(Method.GET, "/keys/{keyId}/revoke", signedIn.page(this::confirmRevoke));
        routes.publicRoute(Method.POST, "/keys/{keyId}/revoke", signedIn.form(this::revoke));
        routes.publicRoute(Method.POST, "/keys/{keyId}/roll", signedIn.form(this::roll));
    }

    private void list(ServerRequest request, ServerResponse response, OperatorSession session) {
        List<List<String>> rows = organisations.list().stream()
                .map(organisation -> List.of(
                        Html.link(
                                Dashboard.PREFIX + "/organisations/" + Html.url(organisation.orgId()),
                                organisation.name()),
                        Html.code(organisation.orgId()),
                        Html.time(organisation.createdAt())))
                .toList();
        String body = Html.table(List.of("Name", "Id", "Created"), rows, "No organisations yet.")
                + "<h2>New organisation</h2><form method=\"post\" action=\"" + Dashboard.PREFIX
                + "/organisations\" class=\"stacked\">"
                + Layout.csrfField(session) + "<label for=\"name\">Name</label>"
                + "<input id=\"name\" name=\"name\" required maxlength=\"200\">"
                + "<button type=\"submit\">Create organisation with a test and a live key</button></form>";
        layout.page(request, response, session, SECTION, "Organisations", body);
    }

    private void create(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        CreatedOrganisation created = organisations.create(form.required("name", "A name"));
        secrets.redirectToSecret(
                response,
                session,
                new ShownOnce.Page(
                        "New organisation",
                        "Organisation " + created.name() + " (" + created.orgId() + ") was created.",
                        List.of(
                                Map.entry("Test key", created.testKey().secret()),
                                Map.entry("Live key", created.liveKey().secret())),
                        Dashboard.PREFIX + "/organisations/" + Html.url(created.orgId()),
                        "Go to the organisation"));
    }

    /** The organisation; after a refused profile, its form as sent with the problem beside the field. */
    private void organisation(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            int status,
            Optional<Form> sent,
            Optional<ApiException> problem) {
        Organisation organisation = find(request.path().pathParameters().get("orgId"));
        String orgPath = Dashboard.PREFIX + "/organisations/" + Html.url(organisation.orgId());
        Instant now = clock.instant();
        List<List<String>> rows = new ArrayList<>();
        for (KeySummary key : organisations.listKeys(organisation.orgId())) {
            String actions = key.revokedAt().isPresent()
                    ? ""
                    : rollForm(session, key) + "<a class=\"button danger\" href=\"" + Dashboard.PREFIX + "/keys/"
                            + Html.url(key.keyId()) + "/revoke\">Revoke…</a>";
            rows.add(List.of(
                    Html.code(key.redacted()),
                    Html.code(key.keyId()),
                    Html.text(key.environment().wireName()),
                    Html.status(key.status(now)),
                    Html.time(key.createdAt()),
                    Html.time(key.expiresAt()),
                    actions));
        }
        String notice = request.query()
                .first("done")
                .asOptional()
                .map(NOTICES::get)
                .map(Html::notice)
                .orElse("");
        OrganisationProfile profile =
                organisations.profile(organisation.orgId()).orElseThrow();
        String body = notice
                + Html.facts(List.of(
                        Html.fact("Id", Html.code(organisation.orgId())),
                        Html.fact("Created", Html.time(organisation.createdAt())),
                        Html.fact(
                                "Also",
                                Html.link(
                                                Dashboard.PREFIX + "/webhooks?org=" + Html.url(organisation.orgId()),
                                                "Webhook endpoints")
                                        + " · "
                                        + Html.link(
                                                Dashboard.PREFIX + "/erasures?org=" + Html.url(organisation.orgId()),
                                                "Erasure log"))))
                + "<h2>API keys</h2>"
                + Html.table(
                        List.of("Key", "Id", "Environment", "Status", "Created", "Expires", "Actions"),
                        rows,
                        "No keys.")
                + "<h2>New key</h2><form method=\"post\" action=\"" + orgPath + "/keys\" class=\"row\">"
                + Layout.csrfField(session)
                + "<label for=\"environment\">Environment</label><select id=\"environment\" name=\"environment\">"
                + "<option value=\"test\">test</option><option value=\"live\">live</option></select>"
                + "<button type=\"submit\">Create key</button></form>"
                + ProfileForm.render(session, orgPath, profile, sent, problem);
        layout.page(request, response, session, status, SECTION, organisation.name(), body);
    }

    private void saveProfile(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        String orgId = find(request.path().pathParameters().get("orgId")).orgId();
        try {
            ProfileForm.save(organisations, orgId, form);
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            organisation(request, response, session, 400, Optional.of(form), Optional.of(refused));
            return;
        }
        Layout.redirect(response, Dashboard.PREFIX + "/organisations/" + Html.url(orgId) + "?done=profile#profile");
    }

    private static String rollForm(OperatorSession session, KeySummary key) {
        return "<form method=\"post\" action=\"" + Dashboard.PREFIX + "/keys/" + Html.url(key.keyId())
                + "/roll\" class=\"inline\">"
                + Layout.csrfField(session)
                + "<label>Old key valid for <input name=\"grace_hours\" type=\"number\" min=\"0\" max=\""
                + Organisations.MAX_ROLL_GRACE.toHours() + "\" value=\"" + Organisations.DEFAULT_ROLL_GRACE.toHours()
                + "\" class=\"short\"> h</label> <button type=\"submit\">Roll</button></form> ";
    }

    private void createKey(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        String orgId = find(request.path().pathParameters().get("orgId")).orgId();
        Environment environment = Environment.fromWire(form.value("environment").orElse(""))
                .orElseThrow(() -> ApiException.validation("invalid_environment", "Choose test or live."));
        showKey(response, session, organisations.createKey(orgId, environment), "A new key was created.");
    }

    private void confirmRevoke(ServerRequest request, ServerResponse response, OperatorSession session) {
        String keyId = request.path().pathParameters().get("keyId");
        KeySummary key = organisations
                .findKey(keyId)
                .orElseThrow(() -> ApiException.notFound("key_not_found", "There is no key " + keyId + "."));
        SecretPages.confirm(
                layout,
                request,
                response,
                session,
                SECTION,
                "Revoke key " + key.redacted() + "?",
                "Every request with this " + key.environment().wireName()
                        + " key is refused at once, and the key cannot "
                        + "be restored. To replace a key without an outage, roll it instead.",
                Dashboard.PREFIX + "/keys/" + Html.url(keyId) + "/revoke",
                "Revoke the key",
                Dashboard.PREFIX + "/organisations/" + Html.url(key.orgId()));
    }

    private void revoke(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        KeySummary revoked =
                organisations.revoke(request.path().pathParameters().get("keyId"));
        Layout.redirect(response, Dashboard.PREFIX + "/organisations/" + Html.url(revoked.orgId()) + "?done=revoked");
    }

    private void roll(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        Duration grace;
        try {
            grace = Duration.ofMinutes(
                    Math.round(Double.parseDouble(form.value("grace_hours").orElse("24")) * 60));
        } catch (NumberFormatException e) {
            throw ApiException.validation("invalid_grace_period", "The grace period must be a number of hours.");
        }
        CreatedKey created = organisations.roll(request.path().pathParameters().get("keyId"), grace);
        showKey(
                response,
                session,
                created,
                "The key was rolled; the old key keeps working for " + grace.toHours() + " hours.");
    }

    private void showKey(ServerResponse response, OperatorSession session, CreatedKey created, String notice) {
        KeySummary key = created.summary();
        secrets.redirectToSecret(
                response,
                session,
                new ShownOnce.Page(
                        "New API key",
                        notice,
                        List.of(Map.entry(key.environment().wireName() + " key " + key.keyId(), created.secret())),
                        Dashboard.PREFIX + "/organisations/" + Html.url(key.orgId()),
                        "Back to the organisation"));
    }

    private Organisation find(String orgId) {
        return organisations
                .find(orgId)
                .orElseThrow(() ->
                        ApiException.notFound("organisation_not_found", "There is no organisation " + orgId + "."));
    }
}
