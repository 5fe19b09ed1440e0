package com.klarefi.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that our
 * document uses: $ref, type (also as a list), const, enum, required, properties,
 * additionalProperties, items, minimum/maximum. Returns every mismatch with its JSON path.
 */
final class SchemaValidator {
    private final JsonNode document;

    SchemaValidator(JsonNode document) {
        this.document = document;
    }

    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.has("$ref")) {
            check(value, resolve(schema.path("$ref").asText()), path, problems);
            return;
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            problems.add(path + ": expected " + schema.path("const") + ", got " + value);
        }
        if (schema.has("enum") && !contains(schema.path("enum"), value)) {
            problems.add(path + ": " + value + " is not one of " + schema.path("enum"));
        }
        if (schema.has("type") && !typeMatches(value, schema.path("type"))) {
            problems.add(path + ": expected type " + schema.path("type") + ", got " + value.getNodeType());
            return;
        }
        if (value.isNumber()) {
            if (schema.has("minimum")
                    && value.asDouble() < schema.path("minimum").asDouble()) {
                problems.add(path + ": " + value + " is below " + schema.path("minimum"));
            }
            if (schema.has("maximum")
                    && value.asDouble() > schema.path("maximum").asDouble()) {
                problems.add(path + ": " + value + " is above " + schema.path("maximum"));
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, problems);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + ": missing required '" + required.asText() + "'");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.path(field.getKey()), fieldPath, problems);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, fieldPath, problems);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                problems.add(fieldPath + ": not allowed by the schema");
            } else if (!properties.isMissingNode() && !schema.has("additionalProperties")) {
                problems.add(fieldPath + ": not documented");
            }
        }
    }

    private JsonNode resolve(String reference) {
        JsonNode node = document;
        for (String part : reference.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + reference);
        }
        return node;
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
