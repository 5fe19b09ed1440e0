package com.klarefi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Any bytes as a request body: the result is a JSON object or a 400 naming what is wrong, never
 * another exception (which the router would turn into a 500). Runs its seeds in every build;
 * {@code JAZZER_FUZZ=1} fuzzes it (scripts/chaos/fuzz.sh).
 */
class JsonBodiesFuzzTest {
    private static final Set<String> CODES = Set.of("missing_body", "invalid_json", "invalid_body");
    private final JsonBodies bodies = new JsonBodies(1 << 20);

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAnObjectOrAValidationError(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        try {
            JsonNode node = bodies.parseObject(text);
            assertThat(node.isObject()).isTrue();
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isIn(CODES);
        }
    }
}
