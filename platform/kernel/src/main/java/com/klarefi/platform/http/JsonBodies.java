package com.klarefi.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body with the API's rules: {@code application/json} only (415 otherwise),
 * at most the configured size (413, checked while reading, not only from Content-Length), well
 * formed (400 {@code invalid_json}) and an object at the top (400 {@code invalid_body}).
 */
public final class JsonBodies {
    private final long maxBytes;

    public JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public JsonNode readObject(ServerRequest request) {
        requireJsonContentType(request);
        request.headers().contentLength().ifPresent(length -> {
            if (length > maxBytes) {
                throw tooLarge();
            }
        });
        return parseObject(readText(request));
    }

    /** The body's text as a JSON object, or the 400 that says what is wrong with it. */
    public JsonNode parseObject(String text) {
        if (text.isBlank()) {
            throw ApiException.validation("missing_body", "The request needs a JSON object body.");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw ApiException.validation(
                    "invalid_json",
                    "The request body is not valid JSON" + where + ": nesting, size and duplicate fields are limited.");
        }
        if (text.indexOf('\u0000') >= 0 || containsNul(node)) {
            throw ApiException.validation(
                    "invalid_body", "Strings in the request body must not contain NUL characters.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.validation("invalid_body", "The request body must be a JSON object.");
        }
        return node;
    }

    /** Refuses a field the endpoint does not know (400 {@code unknown_parameter}), so a typo is not silently ignored. */
    public static void refuseUnknownFields(JsonNode body, Set<String> known) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.validation(
                                "unknown_parameter",
                                "Unknown field '" + name + "'. Allowed: " + String.join(", ", new TreeSet<>(known))
                                        + ".")
                        .withDetail("param", name);
            }
        }
    }

    /**
     * Whether a string or field name holds NUL, also when written as the escape {@code \\u0000}:
     * PostgreSQL stores NUL in neither text nor jsonb, so such a value could only fail later, as a 500.
     */
    private static boolean containsNul(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().indexOf('\u0000') >= 0 || containsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void requireJsonContentType(ServerRequest request) {
        Optional<HttpMediaType> type = request.headers().contentType();
        boolean json = type.map(
                        t -> "application".equalsIgnoreCase(t.mediaType().type())
                                && "json".equalsIgnoreCase(t.mediaType().subtype()))
                .orElse(false);
        if (!json) {
            String got = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("none");
            throw ApiException.of(
                    415,
                    ErrorTypes.VALIDATION,
                    "unsupported_media_type",
                    "Send the body as application/json (got Content-Type: " + got + ").");
        }
    }

    private String readText(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.content().inputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private ApiException tooLarge() {
        return ApiException.of(
                413,
                ErrorTypes.VALIDATION,
                "payload_too_large",
                "The request body is larger than " + maxBytes + " bytes.");
    }
}
