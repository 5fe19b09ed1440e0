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
import java.util.Optional;
import java.util.regex.Pattern;

/** Serves the OpenAPI document and the Markdown guides from the artifact; no authentication. */
final class DocsService {
    private static final Pattern GUIDE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/openapi.json", (request, response) ->
                send(response, "application/json", resource("openapi.json").orElseThrow()));
        routes.publicRoute(Method.GET, "/docs/{name}", this::guide);
        String reference = ReferencePage.render(com.klarefi.platform.json.Json.read(
                new String(resource("openapi.json").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)));
        routes.publicRoute(Method.GET, "/docs", (request, response) -> {
            response.header(io.helidon.http.HeaderNames.create("Content-Security-Policy"), "default-src 'none'");
            response.header(io.helidon.http.HeaderNames.create("X-Content-Type-Options"), "nosniff");
            send(response, "text/html; charset=utf-8", reference.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    private void guide(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        Optional<byte[]> guide = GUIDE_NAME.matcher(name).matches() ? resource(name + ".md") : Optional.empty();
        send(response, "text/markdown; charset=utf-8", guide.orElseThrow(() ->
                ApiException.notFound("guide_not_found", "No guide '" + name + "'; try /api/v1/docs/api.")));
    }

    static Optional<byte[]> resource(String name) {
        try (InputStream in = DocsService.class.getResourceAsStream("/docs/" + name)) {
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
