package com.klarefi.extraction.internal.casetype;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.Role;
import com.klarefi.extraction.api.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads the {@code features} array of a case type definition. */
final class FeatureParser {
    private static final List<String> KEYS =
            List.of("id", "type", "cardinality", "labels", "pattern", "required", "role", "zone", "currency");
    private static final List<String> ROLES =
            Arrays.stream(Role.values()).map(Role::wireName).toList();
    private static final List<String> ZONES =
            Arrays.stream(Zone.values()).map(Zone::wireName).toList();
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final List<String> TYPES =
            Arrays.stream(FeatureType.values()).map(FeatureType::wireName).toList();

    private final Fields fields;

    FeatureParser(Fields fields) {
        this.fields = fields;
    }

    List<FeatureDefinition> features(JsonNode node, List<String> locales) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.problem("$.features", "expected a non-empty array of features");
            return List.of();
        }
        List<FeatureDefinition> features = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "$.features[" + i + "]";
            if (!node.get(i).isObject()) {
                fields.problem(path, "expected an object");
                continue;
            }
            FeatureDefinition feature = feature(node.get(i), path, locales);
            if (feature != null && !ids.add(feature.id())) {
                fields.problem(path + ".id", "duplicate feature id \"" + feature.id() + "\"");
            } else if (feature != null) {
                features.add(feature);
            }
        }
        return features;
    }

    private FeatureDefinition feature(JsonNode node, String path, List<String> locales) {
        node.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                fields.problem(path + "." + name, "unknown key; expected one of " + KEYS);
            }
        });
        String id = fields.identifier(node, "id", path);
        FeatureType type = type(node, path);
        Cardinality cardinality = cardinality(node, path);
        Map<String, List<String>> labels = labels(node.get("labels"), path + ".labels", locales);
        Optional<Pattern> pattern = pattern(node, path, type);
        boolean required = fields.bool(node, "required", path);
        Optional<Role> role = named(node, "role", path, ROLES).flatMap(Role::fromWireName);
        Optional<Zone> zone = named(node, "zone", path, ZONES).flatMap(Zone::fromWireName);
        Optional<String> currency = currency(node, path, type);
        if (id == null || type == null || cardinality == null || labels == null) {
            return null;
        }
        return new FeatureDefinition(id, type, cardinality, labels, pattern, required, role, zone, currency);
    }

    private FeatureType type(JsonNode node, String path) {
        String name = fields.text(node, "type", path, true);
        if (name == null) {
            return null;
        }
        Optional<FeatureType> type = FeatureType.fromWireName(name);
        if (type.isEmpty()) {
            fields.problem(path + ".type", "unknown type \"" + name + "\"; expected one of " + TYPES);
        }
        return type.orElse(null);
    }

    private Cardinality cardinality(JsonNode node, String path) {
        String name = fields.text(node, "cardinality", path, false);
        if (name == null || name.equals("one")) {
            return Cardinality.ONE;
        }
        if (name.equals("many")) {
            return Cardinality.MANY;
        }
        fields.problem(path + ".cardinality", "expected \"one\" or \"many\", got \"" + name + "\"");
        return null;
    }

    /** An optional key whose value is one of {@code allowed}. */
    private Optional<String> named(JsonNode node, String key, String path, List<String> allowed) {
        String name = fields.text(node, key, path, false);
        if (name != null && !allowed.contains(name)) {
            fields.problem(path + "." + key, "unknown " + key + " \"" + name + "\"; expected one of " + allowed);
            return Optional.empty();
        }
        return Optional.ofNullable(name);
    }

    private Optional<String> currency(JsonNode node, String path, FeatureType type) {
        String code = fields.text(node, "currency", path, false);
        if (code == null) {
            return Optional.empty();
        }
        if (type != FeatureType.MONEY) {
            fields.problem(path + ".currency", "only features of type \"money\" take a currency");
            return Optional.empty();
        }
        if (!CURRENCIES.contains(code)) {
            fields.problem(path + ".currency", "\"" + code + "\" is not an ISO 4217 currency code, e.g. \"EUR\"");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private Map<String, List<String>> labels(JsonNode node, String path, List<String> locales) {
        if (node == null || !node.isObject()) {
            fields.problem(
                    path, "expected an object of locale -> list of label words, e.g. {\"nl\": [\"Schadedatum\"]}");
            return null;
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            JsonNode words = entry.getValue();
            if (!words.isArray() || words.isEmpty()) {
                fields.problem(path + "." + entry.getKey(), "expected a non-empty array of strings");
                return;
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).isTextual() || words.get(i).asText().isBlank()) {
                    fields.problem(path + "." + entry.getKey() + "[" + i + "]", "expected a non-empty string");
                } else {
                    list.add(words.get(i).asText().strip());
                }
            }
            labels.put(entry.getKey(), list);
        });
        locales.stream()
                .filter(locale -> !node.has(locale))
                .forEach(locale -> fields.problem(path, "no labels for locale \"" + locale + "\" listed in $.locales"));
        return labels;
    }

    private Optional<Pattern> pattern(JsonNode node, String path, FeatureType type) {
        String regex = fields.text(node, "pattern", path, false);
        if (regex == null) {
            return Optional.empty();
        }
        if (type != FeatureType.IDENTIFIER) {
            fields.problem(path + ".pattern", "only features of type \"identifier\" take a pattern");
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            fields.problem(
                    path + ".pattern",
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return Optional.empty();
        }
    }
}
