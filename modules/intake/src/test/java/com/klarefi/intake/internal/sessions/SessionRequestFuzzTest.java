package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/sessions} bodies, raw and as objects with arbitrary values: a session
 * request with a ttl inside its bounds, a supported locale and, if any, an absolute http(s)
 * return URL, or a 400; nothing else escapes.
 */
class SessionRequestFuzzTest {
    private static final int MAX_TTL_HOURS = 720;
    private static final CaseType MOTOR = CaseTypes.builtIn().stream()
            .filter(type -> type.id().equals("motor_claim"))
            .findFirst()
            .orElseThrow();
    private static final List<String> FIELDS =
            List.of("case_type_id", "ttl_hours", "return_url", "locale", "external_case_id", "trace_id", "unknown");
    private final JsonBodies bodies = new JsonBodies(1 << 20);

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAValidSessionRequestOrAFieldError(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        check(() -> SessionRequest.from(bodies.parseObject(text), SessionRequestFuzzTest::caseType, MAX_TTL_HOURS));
    }

    @FuzzTest(maxDuration = "60s")
    void anyFieldValuesGiveAValidSessionRequestOrAFieldError(FuzzedDataProvider data) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("case_type_id", "motor_claim");
        int fields = data.consumeInt(0, 5);
        for (int i = 0; i < fields; i++) {
            String field = data.pickValue(FIELDS);
            switch (data.consumeInt(0, 3)) {
                case 0 -> body.put(field, data.consumeString(300));
                case 1 -> body.put(field, data.consumeLong());
                case 2 -> body.put(field, data.consumeDouble());
                default -> body.putNull(field);
            }
        }
        check(() -> SessionRequest.from(body, SessionRequestFuzzTest::caseType, MAX_TTL_HOURS));
    }

    private static Optional<CaseType> caseType(String id) {
        return id.equals(MOTOR.id()) ? Optional.of(MOTOR) : Optional.empty();
    }

    private static void check(Supplier<SessionRequest> parse) {
        SessionRequest request;
        try {
            request = parse.get();
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isNotBlank();
            return;
        }
        assertThat(request.ttl()).isBetween(Duration.ofHours(1), Duration.ofHours(MAX_TTL_HOURS));
        assertThat(request.locale()).isIn(SessionRequest.LOCALES);
        request.returnUrl().map(URI::create).ifPresent(uri -> {
            assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
            assertThat(uri.getHost()).isNotBlank();
            assertThat(uri.getUserInfo()).isNull();
        });
    }
}
