package com.klarefi.console.internal;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.web.BoundedBody;
import com.klarefi.platform.web.FormFields;
import com.klarefi.platform.web.MultipartForm;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted HTML form ({@code application/x-www-form-urlencoded}, or {@code multipart/form-data}
 * for forms with a file field, whose files are read as UTF-8 text and kept as bytes), read with a size limit.
 */
final class Form {
    static final int MAX_BYTES = 1024 * 1024;
    private final FormFields fields;
    private final Map<String, byte[]> files;

    private Form(FormFields fields, Map<String, byte[]> files) {
        this.fields = fields;
        this.files = files;
    }

    static Form read(ServerRequest request) {
        Optional<HttpMediaType> type = request.headers().contentType();
        if (type.isPresent() && is(type.get(), "application", "x-www-form-urlencoded")) {
            return parse(new String(body(request), StandardCharsets.UTF_8));
        }
        if (type.isPresent() && is(type.get(), "multipart", "form-data")) {
            return multipart(body(request), type.get().parameters().getOrDefault("boundary", ""));
        }
        throw ApiException.of(
                415, ErrorTypes.VALIDATION, "unsupported_media_type", "Submit the form from the dashboard page.");
    }

    private static boolean is(HttpMediaType type, String kind, String subtype) {
        return type.mediaType().type().equalsIgnoreCase(kind)
                && type.mediaType().subtype().equalsIgnoreCase(subtype);
    }

    static Form parse(String encoded) {
        return new Form(FormFields.parse(encoded), Map.of());
    }

    static Form multipart(byte[] body, String boundary) {
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            Map<String, byte[]> files = new LinkedHashMap<>();
            MultipartForm.parse(body, boundary).forEach(part -> {
                values.computeIfAbsent(part.name(), name -> new ArrayList<>()).add(part.text());
                if (part.filename().isPresent() && part.content().length > 0) {
                    files.putIfAbsent(part.name(), part.content());
                }
            });
            return new Form(FormFields.of(values), files);
        } catch (MultipartForm.MalformedException e) {
            throw ApiException.validation("invalid_form", "The uploaded form could not be read.");
        }
    }

    Optional<String> value(String name) {
        return all(name).stream().findFirst();
    }

    /** The bytes of the file chosen in a file field, when one was chosen. */
    Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The value as typed, spaces and line breaks kept (for definitions pasted into a text area). */
    String raw(String name) {
        return fields.first(name).orElse("");
    }

    String required(String name, String label) {
        return value(name)
                .orElseThrow(() -> ApiException.validation("missing_field", label + " is required.")
                        .withDetail("param", name));
    }

    List<String> all(String name) {
        return fields.all(name).stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static byte[] body(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        return BoundedBody.read(request, MAX_BYTES)
                .orElseThrow(() -> ApiException.of(
                        413, ErrorTypes.VALIDATION, "payload_too_large", "The form is larger than 1 MB."));
    }
}
