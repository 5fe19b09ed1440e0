package com.klarefi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for tests that talk to a real server over a socket. */
public final class HttpTestClient {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public HttpTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static HttpTestClient local(int port) {
        return new HttpTestClient("http://127.0.0.1:" + port);
    }

    /** A client that sends {@code Authorization: Bearer <token>} on every request. */
    public HttpTestClient bearer(String token) {
        HttpTestClient copy = new HttpTestClient(baseUrl);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put("Authorization", "Bearer " + token);
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send(
                "POST",
                path,
                body instanceof String text ? text : Json.writeString(body),
                Map.of("Content-Type", "application/json"));
    }

    public Response put(String path, Object body) {
        return send(
                "PUT",
                path,
                body instanceof String text ? text : Json.writeString(body),
                Map.of("Content-Type", "application/json"));
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        headers.forEach(builder::header);
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return new Response(client.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed on demand. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return Json.read(raw.body());
        }

        public JsonNode error() {
            return json().path("error");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }
}
