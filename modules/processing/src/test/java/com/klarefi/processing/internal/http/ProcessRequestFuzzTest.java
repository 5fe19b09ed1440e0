package com.klarefi.processing.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/process} bodies, as raw bytes and as well-formed objects with arbitrary
 * values: a request is accepted with a usable absolute http(s) URL, or refused with a 400 that
 * names the problem; nothing else escapes.
 */
class ProcessRequestFuzzTest {
    private static final List<String> FIELDS = List.of(
            "document_url",
            "case_type_id",
            "idempotency_key",
            "external_case_id",
            "external_applicant_id",
            "external_customer_id",
            "trace_id",
            "webhook_url",
            "other");
    private final JsonBodies bodies = new JsonBodies(1 << 20);

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAValidRequestOrAFieldError(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        check(() -> ProcessRequest.from(bodies.parseObject(text), "motor_claim"::equals));
    }

    @FuzzTest(maxDuration = "60s")
    void anyFieldValuesGiveAValidRequestOrAFieldError(FuzzedDataProvider data) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("case_type_id", data.consumeBoolean() ? "motor_claim" : data.consumeString(20));
        body.put("document_url", data.consumeString(300));
        int extra = data.consumeInt(0, 4);
        for (int i = 0; i < extra; i++) {
            String field = data.pickValue(FIELDS);
            switch (data.consumeInt(0, 3)) {
                case 0 -> body.put(field, data.consumeString(300));
                case 1 -> body.put(field, data.consumeLong());
                case 2 -> body.putNull(field);
                default -> body.putArray(field).add(data.consumeString(10));
            }
        }
        check(() -> ProcessRequest.from(body, "motor_claim"::equals));
    }

    private static void check(Supplier<ProcessRequest> parse) {
        ProcessRequest request;
        try {
            request = parse.get();
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isNotBlank();
            return;
        }
        URI uri = URI.create(request.documentUrl());
        assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
        assertThat(uri.getHost()).isNotBlank();
        assertThat(request.opening().caseTypeId()).isEqualTo("motor_claim");
    }
}
