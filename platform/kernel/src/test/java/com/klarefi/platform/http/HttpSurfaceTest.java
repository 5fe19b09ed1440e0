package com.klarefi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSurfaceTest {
    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        JsonBodies bodies = new JsonBodies(64);
        ApiRoutes routes = new ApiRoutes("/api/v1", Route.Access.API_KEY);
        routes.publicRoute(
                Method.GET,
                "/echo/{name}",
                (request, response) -> Responses.ok(
                        response, Map.of("name", request.path().pathParameters().get("name"))));
        routes.post(
                "/things",
                (request, response) -> Responses.json(
                        response,
                        201,
                        Map.of("received", bodies.readObject(request).size())));
        routes.get("/guarded", (request, response) -> Responses.ok(response, Map.of("ok", true)));
        routes.publicRoute(Method.GET, "/boom", (request, response) -> {
            throw new IllegalStateException("secret connection string postgres://user:pw@db");
        });
        routes.publicRoute(Method.GET, "/database-down", (request, response) -> {
            throw new IllegalStateException(
                    "wrapped",
                    new SQLTransientConnectionException(
                            "klarefi - Connection is not available, request timed out after 5000ms"));
        });
        RequestGuard guard = (request, response, route) -> {
            if (request.headers().first(HeaderNames.AUTHORIZATION).isEmpty()) {
                throw ApiException.authentication("missing_api_key", "Send Authorization: Bearer <key>.");
            }
            response.header("X-Guarded", "yes");
        };
        ApiRoutes pages = new ApiRoutes("/pages", Route.Access.PUBLIC);
        pages.publicRoute(Method.GET, "/broken", (request, response) -> {
            throw new IllegalStateException("secret connection string postgres://user:pw@db");
        });
        HttpSurface surface = new HttpSurface("api", guard)
                .errorPages("/pages", (request, response, error, requestId) -> {
                    response.header(HeaderNames.CONTENT_TYPE, "text/plain");
                    response.send("page for " + error.code() + " of " + requestId);
                });
        server = WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .maxPayloadSize(1024)
                .directHandlers(HttpSurface.directHandlers())
                .routing(rules -> surface.configure(rules, List.of(routes, pages)))
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void anUnknownRouteAnswers404InTheEnvelopeWithTheRequestIdOfTheHeader() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/does-not-exist", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = error(response);
        assertThat(error.path("type").asText()).isEqualTo("not_found");
        assertThat(error.path("code").asText()).isEqualTo("route_not_found");
        assertThat(error.path("request_id").asText())
                .startsWith("req_")
                .isEqualTo(response.headers().firstValue("Request-Id").orElseThrow());
    }

    @Test
    void failuresUnderAPrefixWithErrorPagesAreRenderedByThemAndNowhereElse() throws Exception {
        HttpResponse<String> missing = send("GET", "/pages/nothing-here", null, null);
        HttpResponse<String> broken = send("GET", "/pages/broken", null, null);
        HttpResponse<String> beside = send("GET", "/pagesnothing", null, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .isEqualTo("page for route_not_found of "
                        + missing.headers().firstValue("Request-Id").orElseThrow());
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).startsWith("page for internal_error of req_").doesNotContain("postgres");
        assertThat(beside.statusCode()).isEqualTo(404);
        assertThat(error(beside).path("code").asText()).isEqualTo("route_not_found");
    }

    @Test
    void aSuccessfulResponseAlsoCarriesARequestId() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/echo/ada", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.read(response.body()).path("name").asText()).isEqualTo("ada");
        assertThat(response.headers().firstValue("Request-Id")).get().asString().startsWith("req_");
    }

    @Test
    void aWrongMethodOnAKnownPathAnswers405WithAllow() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/things", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(error(response).path("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void aWrongMethodWithCredentialsOnAProtectedPathIsCheckedByTheGuardFirst() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/guarded", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("X-Guarded")).contains("yes");
    }

    @Test
    void malformedJsonIsAValidationError() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/things", "application/json", "{\"a\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("type").asText()).isEqualTo("validation_error");
        assertThat(error(response).path("code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void aJsonArrayIsNotAnAcceptableBody() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/things", "application/json", "[1,2]");

        assertThat(error(response).path("code").asText()).isEqualTo("invalid_body");
    }

    @Test
    void aWellFormedBodyReachesTheHandler() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/things", "application/json; charset=utf-8", "{\"a\":1}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Json.read(response.body()).path("received").asInt()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheJsonLimitAnswers413() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(200) + "\"}";
        HttpResponse<String> response = send("POST", "/api/v1/things", "application/json", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aBodyOverTheServersHardLimitAnswers413InTheEnvelope() throws Exception {
        String huge = "{\"a\":\"" + "x".repeat(4000) + "\"}";
        HttpResponse<String> response = send("POST", "/api/v1/things", "application/json", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("payload_too_large");
        assertThat(error(response).path("request_id").asText())
                .isEqualTo(response.headers().firstValue("Request-Id").orElseThrow());
    }

    @Test
    void aWrongMediaTypeAnswers415() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/things", "text/plain", "{\"a\":1}");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).path("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorThatDoesNotEchoItsText() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/boom", null, null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(error(response).path("type").asText()).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("postgres").doesNotContain("IllegalState");
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterInTheEnvelope() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/database-down", null, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(error(response).path("type").asText()).isEqualTo("service_unavailable");
        assertThat(error(response).path("code").asText()).isEqualTo("database_unavailable");
        assertThat(response.body()).doesNotContain("Connection is not available");
    }

    @Test
    void theGuardRunsBeforeProtectedRoutesAndItsRefusalIsRendered() throws Exception {
        HttpResponse<String> refused = CLIENT.send(
                HttpRequest.newBuilder(uri("/api/v1/guarded")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> allowed = CLIENT.send(
                HttpRequest.newBuilder(uri("/api/v1/guarded"))
                        .header("Authorization", "Bearer x")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(error(refused).path("code").asText()).isEqualTo("missing_api_key");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    private static JsonNode error(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return Json.read(response.body()).path("error");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer test");
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
