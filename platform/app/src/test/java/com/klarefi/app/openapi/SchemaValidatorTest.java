package com.klarefi.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private static final JsonNode DOCUMENT = Json.read("""
            {"components": {"schemas": {
              "Me": {"type": "object", "required": ["org_id", "environment"],
                     "properties": {"org_id": {"type": "string"}, "environment": {"enum": ["live", "test"]}}},
              "List": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Me"}},
                                                        "count": {"type": ["integer", "null"], "minimum": 0}}}}}}""");
    private final SchemaValidator validator = new SchemaValidator(DOCUMENT);

    @Test
    void aConformingValuePasses() {
        assertThat(validator.validate(Json.read("{\"org_id\": \"org_1\", \"environment\": \"test\"}"), ref("Me")))
                .isEmpty();
        assertThat(validator.validate(Json.read("{\"count\": null, \"items\": []}"), ref("List")))
                .isEmpty();
    }

    @Test
    void everyKindOfMismatchIsReportedWithItsPath() {
        assertThat(validator.validate(Json.read("{\"environment\": \"staging\", \"extra\": 1}"), ref("Me")))
                .containsExactlyInAnyOrder(
                        "$: missing required 'org_id'",
                        "$.environment: \"staging\" is not one of [\"live\",\"test\"]",
                        "$.extra: not documented");
        assertThat(validator.validate(
                        Json.read("{\"items\": [{\"org_id\": 5, \"environment\": \"live\"}], \"count\": -1}"),
                        ref("List")))
                .containsExactlyInAnyOrder(
                        "$.items[0].org_id: expected type \"string\", got NUMBER", "$.count: -1 is below 0");
    }

    private static JsonNode ref(String name) {
        return Json.read("{\"$ref\": \"#/components/schemas/" + name + "\"}");
    }
}
