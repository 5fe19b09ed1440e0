package com.klarefi.app;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The API documentation, served from the artifact without authentication and without anything
 * from the internet: the OpenAPI document, the interactive reference at {@code /api/v1/docs}
 * (Swagger UI from its webjar, which renders nested schemas, examples and webhooks from that
 * document) and the Markdown guides rendered as HTML pages.
 */
final class DocsService {
    /** Swagger UI's files in the webjar this artifact ships; the version is the dependency's. */
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.35.0/";
    /** Scripts only from this origin; Swagger UI sets inline styles on the elements it draws. */
    private static final String REFERENCE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'none'";

    private static final String GUIDE_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, Asset> ASSETS = Map.of(
            "swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "reference.js", new Asset("/docs/reference.js", "text/javascript; charset=utf-8"),
            "docs.css", new Asset("/docs/docs.css", "text/css; charset=utf-8"));

    private record Asset(String path, String type) {}

    private final Map<String, byte[]> guides = Map.of(
            "api", Guides.render(text("/docs/api.md")).getBytes(StandardCharsets.UTF_8),
            "webhooks", Guides.render(text("/docs/webhooks.md")).getBytes(StandardCharsets.UTF_8));

    void routes(ApiRoutes routes) {
        routes.publicRoute(
                Method.GET,
                "/openapi.json",
                (request, response) -> send(
                        response,
                        "application/json",
                        bytes("/docs/openapi.json").orElseThrow()));
        routes.publicRoute(
                Method.GET,
                "/docs",
                (request, response) -> page(
                        response,
                        REFERENCE_POLICY,
                        bytes("/docs/reference.html").orElseThrow()));
        routes.publicRoute(Method.GET, "/docs/{name}", this::guide);
        routes.publicRoute(Method.GET, "/docs/assets/{file}", this::asset);
    }

    private void guide(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        byte[] guide = guides.get(name);
        if (guide == null) {
            throw ApiException.notFound("guide_not_found", "No guide '" + name + "'; the guides are api and webhooks.");
        }
        page(response, GUIDE_POLICY, guide);
    }

    private void asset(ServerRequest request, ServerResponse response) {
        String file = request.path().pathParameters().get("file");
        Asset asset = ASSETS.get(file);
        byte[] body = asset == null ? null : bytes(asset.path()).orElse(null);
        if (body == null) {
            throw ApiException.notFound("not_found", "No documentation asset '" + file + "'.");
        }
        response.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        send(response, asset.type(), body);
    }

    private static void page(ServerResponse response, String policy, byte[] html) {
        response.header(HeaderNames.create("Content-Security-Policy"), policy);
        response.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        send(response, "text/html; charset=utf-8", html);
    }

    private static String text(String path) {
        return new String(
                bytes(path).orElseThrow(() -> new IllegalStateException("missing " + path)), StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> bytes(String path) {
        try (InputStream in = DocsService.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(ServerResponse response, String type, byte[] body) {
        response.header(HeaderNames.CONTENT_TYPE, type);
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        response.send(body);
    }
}
