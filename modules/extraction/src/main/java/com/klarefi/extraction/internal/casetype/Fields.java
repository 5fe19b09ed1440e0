package com.klarefi.extraction.internal.casetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads typed fields of a definition, collecting a problem per wrong field instead of failing. */
final class Fields {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");

    private final List<String> problems;

    Fields(List<String> problems) {
        this.problems = problems;
    }

    void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    String text(JsonNode node, String key, String path, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path + "." + key, "missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(path + "." + key, "expected a non-empty string");
            return null;
        }
        return value.asText();
    }

    String identifier(JsonNode node, String key, String path) {
        String value = text(node, key, path, true);
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            problem(
                    path + "." + key,
                    "\"" + value
                            + "\" is not a valid id; use lower case letters, digits and _, starting with a letter");
            return null;
        }
        return value;
    }

    /** The optional {@code names}: the case type's name by two-letter language code. */
    Map<String, String> names(JsonNode root) {
        JsonNode node = root.get("names");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem("$.names", "expected an object of names by language code, e.g. {\"nl\": \"Schadeclaim\"}");
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (!LOCALE.matcher(entry.getKey()).matches()) {
                problem("$.names." + entry.getKey(), "expected a two-letter lower-case language code as the key");
            } else {
                Optional.ofNullable(text(node, entry.getKey(), "$.names", true))
                        .ifPresent(name -> names.put(entry.getKey(), name));
            }
        });
        return names;
    }

    List<String> locales(JsonNode root) {
        JsonNode node = root.get("locales");
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem("$.locales", "expected a non-empty array of two-letter language codes, e.g. [\"nl\", \"en\"]");
            return List.of();
        }
        List<String> locales = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String locale = node.get(i).asText("");
            if (!node.get(i).isTextual() || !LOCALE.matcher(locale).matches()) {
                problem("$.locales[" + i + "]", "expected a two-letter lower-case language code");
            } else {
                locales.add(locale);
            }
        }
        return locales;
    }

    boolean bool(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(path + "." + key, "expected true or false");
            return false;
        }
        return value.asBoolean();
    }
}
