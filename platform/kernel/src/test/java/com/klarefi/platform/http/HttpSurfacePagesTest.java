package com.klarefi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.json.Json;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages beside the API on one listener: no guard for pages, HTML failures for pages, the envelope for the API. */
class HttpSurfacePagesTest {
    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        ApiRoutes api = new ApiRoutes("/api/v1", Route.Access.API_KEY);
        api.get("/guarded", (request, response) -> Responses.ok(response, Map.of("ok", true)));
        ApiRoutes pages = new ApiRoutes("", Route.Access.PUBLIC);
        pages.get(
                "/p/{id}",
                (request, response) -> HtmlPages.send(response, 200, "<p>page</p>", HtmlPages.STRICT_POLICY));
        pages.get("/p/{id}/next", (request, response) -> HtmlPages.redirect(response, "/p/2", HtmlPages.STRICT_POLICY));
        pages.publicRoute(Method.GET, "/p/{id}/missing", (request, response) -> {
            throw ApiException.notFound("thing_not_found", "No <thing> here.");
        });
        RequestGuard refuseAll = (request, response, route) -> {
            throw ApiException.authentication("missing_api_key", "Send Authorization: Bearer <key>.");
        };
        HttpSurface surface = new HttpSurface("api", refuseAll);
        server = WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .routing(rules -> surface.configure(rules, api, pages))
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void aPageNeedsNoApiKeyAndCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/p/1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(HtmlPages.STRICT_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aPagesRedirectIsASeeOtherWithTheSameSecurityHeaders() throws Exception {
        HttpResponse<String> redirect = get("/p/1/next");

        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).contains("/p/2");
        assertThat(redirect.headers().firstValue("Content-Security-Policy")).contains(HtmlPages.STRICT_POLICY);
        assertThat(redirect.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(redirect.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aFailingOrUnknownPageIsAnHtmlPageWithTheRequestId() throws Exception {
        for (String path : new String[] {"/p/1/missing", "/nowhere"}) {
            HttpResponse<String> failed = get(path);

            assertThat(failed.statusCode()).as(path).isEqualTo(404);
            assertThat(failed.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(failed.body())
                    .contains(failed.headers().firstValue("Request-Id").orElseThrow())
                    .doesNotContain("<thing>");
        }
    }

    @Test
    void theApiKeepsItsGuardAndItsEnvelope() throws Exception {
        HttpResponse<String> guarded = get("/api/v1/guarded");
        HttpResponse<String> unknown = get("/api/v1/nowhere");

        assertThat(guarded.statusCode()).isEqualTo(401);
        assertThat(Json.read(guarded.body()).path("error").path("code").asText())
                .isEqualTo("missing_api_key");
        assertThat(Json.read(unknown.body()).path("error").path("code").asText())
                .isEqualTo("route_not_found");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
