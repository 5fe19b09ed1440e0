package com.klarefi.auth.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.auth.api.CreatedKey;
import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.web.BoundedBody;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/v1/me} and the admin API for organisations and keys. */
public final class AuthHttpService {
    private static final Set<String> PROFILE_FIELDS = Set.of("display_name", "privacy_url", "help_contact");
    private final Organisations organisations;
    private final JsonBodies bodies;
    private final Clock clock;

    public AuthHttpService(Organisations organisations, JsonBodies bodies, Clock clock) {
        this.organisations = organisations;
        this.bodies = bodies;
        this.clock = clock;
    }

    public void apiRoutes(ApiRoutes routes) {
        routes.get("/me", this::me);
    }

    public void adminRoutes(ApiRoutes routes) {
        routes.post("/organisations", this::createOrganisation);
        routes.get(
                "/organisations",
                (request, response) -> Responses.ok(
                        response,
                        Map.of(
                                "data",
                                organisations.list().stream()
                                        .map(AuthViews::organisation)
                                        .toList())));
        routes.get(
                "/organisations/{orgId}",
                (request, response) -> Responses.ok(
                        response,
                        AuthViews.organisation(
                                organisations
                                        .find(orgId(request))
                                        .orElseThrow(() -> ApiException.notFound(
                                                "organisation_not_found", "No organisation " + orgId(request) + ".")),
                                organisations.profile(orgId(request)).orElseThrow())));
        routes.patch("/organisations/{orgId}", this::updateProfile);
        routes.put("/organisations/{orgId}/logo", this::putLogo);
        routes.delete(
                "/organisations/{orgId}/logo",
                (request, response) -> profile(response, organisations.removeLogo(orgId(request))));
        routes.post("/organisations/{orgId}/keys", this::createKey);
        routes.get(
                "/organisations/{orgId}/keys",
                (request, response) -> Responses.ok(
                        response,
                        Map.of(
                                "data",
                                organisations.listKeys(orgId(request)).stream()
                                        .map(key -> AuthViews.key(key, clock.instant()))
                                        .toList())));
        routes.post(
                "/keys/{keyId}/revoke",
                (request, response) ->
                        Responses.ok(response, AuthViews.key(organisations.revoke(keyId(request)), clock.instant())));
        routes.post("/keys/{keyId}/roll", this::rollKey);
        routes.post("/admin-tokens", this::createAdminToken);
    }

    private void me(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", caller.orgId());
        body.put("environment", caller.environment().wireName());
        Responses.ok(response, body);
    }

    private void createOrganisation(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual()) {
            throw ApiException.validation("missing_name", "name is required: the organisation's display name.")
                    .withDetail("param", "name");
        }
        Responses.json(response, 201, AuthViews.created(organisations.create(name.asText())));
    }

    /** Fields left out keep their value; {@code null} or an empty string clears one. */
    private void updateProfile(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        JsonBodies.refuseUnknownFields(body, PROFILE_FIELDS);
        OrganisationProfile current = organisations
                .profile(orgId(request))
                .orElseThrow(() ->
                        ApiException.notFound("organisation_not_found", "No organisation " + orgId(request) + "."));
        profile(
                response,
                organisations.updateProfile(
                        current.orgId(),
                        field(body, "display_name", current.displayName()),
                        field(body, "privacy_url", current.privacyUrl()),
                        field(body, "help_contact", current.helpContact())));
    }

    private static String field(JsonNode body, String name, Optional<String> current) {
        JsonNode value = body.get(name);
        if (value == null) {
            return current.orElse("");
        }
        if (!value.isNull() && !value.isTextual()) {
            throw ApiException.validation("invalid_" + name, name + " must be a string or null.")
                    .withDetail("param", name);
        }
        return value.isNull() ? "" : value.asText();
    }

    /** The image itself is the body, with its type as {@code Content-Type}; the content decides what it is. */
    private void putLogo(ServerRequest request, ServerResponse response) {
        byte[] image = request.content().hasEntity()
                ? BoundedBody.read(request, Organisations.MAX_LOGO_BYTES)
                        .orElseThrow(() -> ApiException.validation(
                                        "invalid_logo",
                                        "The logo is larger than " + Organisations.MAX_LOGO_BYTES / 1024 + " KB.")
                                .withDetail("param", "logo"))
                : new byte[0];
        profile(response, organisations.putLogo(orgId(request), image));
    }

    private void profile(ServerResponse response, OrganisationProfile profile) {
        Responses.ok(
                response,
                AuthViews.organisation(organisations.find(profile.orgId()).orElseThrow(), profile));
    }

    private void createKey(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        Environment environment = Environment.fromWire(body.path("environment").asText(null))
                .orElseThrow(
                        () -> ApiException.validation("invalid_environment", "environment must be 'test' or 'live'.")
                                .withDetail("param", "environment"));
        CreatedKey created = organisations.createKey(orgId(request), environment);
        Responses.json(response, 201, AuthViews.createdKey(created, clock.instant()));
    }

    private void rollKey(ServerRequest request, ServerResponse response) {
        Duration grace = Organisations.DEFAULT_ROLL_GRACE;
        if (request.content().hasEntity()) {
            JsonNode hours = bodies.readObject(request).get("grace_hours");
            if (hours != null && !hours.isNull()) {
                if (!hours.isNumber()) {
                    throw ApiException.validation("invalid_grace_period", "grace_hours must be a number of hours.")
                            .withDetail("param", "grace_hours");
                }
                grace = Duration.ofMinutes(Math.round(hours.asDouble() * 60));
            }
        }
        String keyId = keyId(request);
        CreatedKey created = organisations.roll(keyId, grace);
        Map<String, Object> body = AuthViews.createdKey(created, clock.instant());
        organisations.findKey(keyId).ifPresent(old -> body.put("replaces", AuthViews.key(old, clock.instant())));
        Responses.json(response, 201, body);
    }

    private void createAdminToken(ServerRequest request, ServerResponse response) {
        String description = request.content().hasEntity()
                ? bodies.readObject(request).path("description").asText(null)
                : null;
        Responses.json(response, 201, Map.of("token", organisations.createAdminToken(description)));
    }

    private static String orgId(ServerRequest request) {
        return request.path().pathParameters().get("orgId");
    }

    private static String keyId(ServerRequest request) {
        return request.path().pathParameters().get("keyId");
    }
}
