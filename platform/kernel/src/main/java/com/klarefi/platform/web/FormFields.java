package com.klarefi.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, in the order sent, each name
 * with every value it was sent with. A malformed escape reads as an empty value rather than failing
 * the whole form: what a page needs (its CSRF value, a required field) is then simply absent.
 */
public final class FormFields {
    private final Map<String, List<String>> values;

    private FormFields(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormFields parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new FormFields(values);
    }

    /** Fields given as name and values, as a multipart form's text parts are. */
    public static FormFields of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return new FormFields(copy);
    }

    /** The first value sent for {@code name}, exactly as sent. */
    public Optional<String> first(String name) {
        return values.getOrDefault(name, List.of()).stream().findFirst();
    }

    /** Every value sent for {@code name}, in order. */
    public List<String> all(String name) {
        return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
    }

    /** Each name with its first value, in the order the names were first sent. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, list) -> first.put(name, list.getFirst()));
        return first;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
