package com.klarefi.app.dashboard;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A submitted HTML form ({@code application/x-www-form-urlencoded}), read with a size limit. */
final class Form {
    static final int MAX_BYTES = 1024 * 1024;
    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A URL-encoded form, or a multipart one (forms with a file field). */
    static Form read(ServerRequest request) {
        Optional<HttpMediaType> type = request.headers().contentType();
        if (type.isPresent() && is(type.get(), "application", "x-www-form-urlencoded")) {
            return parse(new String(body(request), StandardCharsets.UTF_8));
        }
        if (type.isPresent() && is(type.get(), "multipart", "form-data")) {
            return new Form(MultipartBody.parse(body(request), type.get().parameters().getOrDefault("boundary", "")));
        }
        throw ApiException.of(415, ErrorTypes.VALIDATION, "unsupported_media_type", "Submit the form from the dashboard page.");
    }

    private static boolean is(HttpMediaType type, String kind, String subtype) {
        return type.mediaType().type().equalsIgnoreCase(kind) && type.mediaType().subtype().equalsIgnoreCase(subtype);
    }

    static Form parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new Form(values);
    }

    Optional<String> value(String name) {
        return values.getOrDefault(name, List.of()).stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst();
    }

    /** The value as typed, spaces and line breaks kept (for definitions pasted into a text area). */
    String raw(String name) {
        return values.getOrDefault(name, List.of()).stream().findFirst().orElse("");
    }

    String required(String name, String label) {
        return value(name).orElseThrow(() -> ApiException.validation("missing_field", label + " is required.")
                .withDetail("param", name));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("invalid_form", "The form could not be read.");
        }
    }

    private static byte[] body(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.of(413, ErrorTypes.VALIDATION, "payload_too_large", "The form is larger than 1 MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
