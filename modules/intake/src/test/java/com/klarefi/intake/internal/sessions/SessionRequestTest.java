package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRequestTest {
    private static final CaseType GERMAN_ONLY = CaseTypes.parse("""
            {"id": "kfz", "name": "Kfz-Schaden", "locales": ["de"],
             "features": [{"id": "datum", "type": "date", "labels": {"de": ["Datum"]}}]}""");
    private static final Map<String, CaseType> TYPES = Map.of(
            "motor_claim",
            CaseTypes.builtIn().stream()
                    .filter(type -> type.id().equals("motor_claim"))
                    .findFirst()
                    .orElseThrow(),
            "kfz",
            GERMAN_ONLY);

    @Test
    void omittedFieldsTakeTheirDefaults() {
        SessionRequest request = parse("{\"case_type_id\": \"motor_claim\", \"idempotency_key\": \"k\"}");

        assertThat(request.ttl()).isEqualTo(Duration.ofHours(168));
        assertThat(request.locale()).isEqualTo("nl");
        assertThat(request.returnUrl()).isEmpty();
        assertThat(request.opening().externalCaseId()).isEmpty();
    }

    @Test
    void aCaseTypeWithoutDutchOrEnglishDefaultsToEnglish() {
        assertThat(parse("{\"case_type_id\": \"kfz\"}").locale()).isEqualTo("en");
    }

    @Test
    void givenFieldsAreKept() {
        SessionRequest request = parse("""
                {"case_type_id": "motor_claim", "ttl_hours": 720, "locale": "en", "return_url": "https://a.example/r?x=1",
                 "external_case_id": "claim-7", "trace_id": "t-1"}""");

        assertThat(request.ttl()).isEqualTo(Duration.ofHours(720));
        assertThat(request.locale()).isEqualTo("en");
        assertThat(request.returnUrl()).contains("https://a.example/r?x=1");
        assertThat(request.opening().externalCaseId()).contains("claim-7");
        assertThat(request.opening().traceId()).contains("t-1");
    }

    /** The reference types ttl_hours as a number; clients that serialise floats send 2.0. */
    @Test
    void aWholeNumberOfHoursIsAcceptedInAnyJsonNumberForm() {
        assertThat(parse("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 2.0}")
                        .ttl())
                .isEqualTo(Duration.ofHours(2));
        assertThat(parse("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 2e1}")
                        .ttl())
                .isEqualTo(Duration.ofHours(20));
        assertThat(parse("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 7.20E2}")
                        .ttl())
                .isEqualTo(Duration.ofHours(720));
    }

    @Test
    void aFractionOfAnHourOrANumberBeyondRangeIsRefused() {
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 2.5}"))
                .isEqualTo("invalid_ttl_hours");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 1e400}"))
                .isEqualTo("invalid_ttl_hours");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 0.0}"))
                .isEqualTo("invalid_ttl_hours");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 99999999999999999999999}"))
                .isEqualTo("invalid_ttl_hours");
    }

    @Test
    void outOfRangeTtlsUrlsAndLocalesNameTheirField() {
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": 721}"))
                .isEqualTo("invalid_ttl_hours");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": \"24\"}"))
                .isEqualTo("invalid_ttl_hours");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"return_url\": \"https://user:pw@a.example/\"}"))
                .isEqualTo("invalid_return_url");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"return_url\": \"mailto:a@b.example\"}"))
                .isEqualTo("invalid_return_url");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"locale\": \"NL\"}"))
                .isEqualTo("unsupported_locale");
        assertThat(refusal("{\"case_type_id\": \"motor_claim\", \"external_case_id\": \"\"}"))
                .isEqualTo("invalid_external_case_id");
        assertThat(refusal("{}")).isEqualTo("missing_case_type_id");
    }

    private static SessionRequest parse(String json) {
        JsonNode body = Json.read(json);
        return SessionRequest.from(body, id -> Optional.ofNullable(TYPES.get(id)), 720);
    }

    private static String refusal(String json) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> parse(json));
        assertThat(refused.status()).isEqualTo(400);
        return refused.code();
    }
}
