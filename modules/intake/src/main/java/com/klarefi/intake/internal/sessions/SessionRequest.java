package com.klarefi.intake.internal.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.JsonBodies;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The body of {@code POST /api/v1/sessions}, validated field by field with codes that name the field. */
public record SessionRequest(CaseOpening opening, Duration ttl, Optional<String> returnUrl, String locale) {
    public static final int DEFAULT_TTL_HOURS = 168;
    public static final int MIN_TTL_HOURS = 1;
    public static final Set<String> LOCALES = Set.of("nl", "en");
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_ID_LENGTH = 255;
    private static final Set<String> FIELDS = Set.of(
            "case_type_id",
            "idempotency_key",
            "ttl_hours",
            "return_url",
            "locale",
            "external_case_id",
            "external_applicant_id",
            "external_customer_id",
            "trace_id");

    public static SessionRequest from(JsonNode body, Function<String, Optional<CaseType>> caseTypes, int maxTtlHours) {
        JsonBodies.refuseUnknownFields(body, FIELDS);
        CaseType caseType = caseType(body.get("case_type_id"), caseTypes);
        CaseOpening opening = new CaseOpening(
                caseType.id(),
                text(body, "external_case_id"),
                text(body, "external_applicant_id"),
                text(body, "external_customer_id"),
                text(body, "trace_id"));
        return new SessionRequest(
                opening,
                ttl(body.get("ttl_hours"), maxTtlHours),
                returnUrl(body.get("return_url")),
                locale(body.get("locale"), caseType));
    }

    private static CaseType caseType(JsonNode value, Function<String, Optional<CaseType>> caseTypes) {
        if (value == null
                || value.isNull()
                || !value.isTextual()
                || value.asText().isBlank()) {
            throw invalid("missing_case_type_id", "case_type_id", "case_type_id is required and must be a string");
        }
        return caseTypes
                .apply(value.asText())
                .orElseThrow(() -> invalid(
                        "unknown_case_type",
                        "case_type_id",
                        "No case type '" + value.asText()
                                + "'. Operators list and add case types on the admin surface."));
    }

    private static Duration ttl(JsonNode value, int maxTtlHours) {
        if (value == null || value.isNull()) {
            return Duration.ofHours(Math.min(DEFAULT_TTL_HOURS, maxTtlHours));
        }
        Optional<BigDecimal> hours = wholeNumber(value);
        if (hours.isEmpty()
                || hours.get().compareTo(BigDecimal.valueOf(MIN_TTL_HOURS)) < 0
                || hours.get().compareTo(BigDecimal.valueOf(maxTtlHours)) > 0) {
            throw invalid(
                    "invalid_ttl_hours",
                    "ttl_hours",
                    "ttl_hours must be a whole number of hours from " + MIN_TTL_HOURS + " to " + maxTtlHours
                            + " (default " + DEFAULT_TTL_HOURS + ").");
        }
        return Duration.ofHours(hours.get().longValueExact());
    }

    /** The reference types ttl_hours as a JSON number, so 24, 24.0 and 2.4e1 are the same whole number. */
    private static Optional<BigDecimal> wholeNumber(JsonNode value) {
        if (!value.isNumber() || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
            return Optional.empty();
        }
        BigDecimal number = value.decimalValue();
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0
                ? Optional.of(number)
                : Optional.empty();
    }

    private static Optional<String> returnUrl(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String message = "return_url must be an absolute http or https URL with a host, at most " + MAX_URL_LENGTH
                + " characters, without credentials";
        if (!value.isTextual() || value.asText().length() > MAX_URL_LENGTH) {
            throw invalid("invalid_return_url", "return_url", message);
        }
        try {
            URI uri = new URI(value.asText().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute()
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw invalid("invalid_return_url", "return_url", message);
            }
            return Optional.of(uri.toString());
        } catch (URISyntaxException e) {
            throw invalid("invalid_return_url", "return_url", message);
        }
    }

    private static String locale(JsonNode value, CaseType caseType) {
        if (value == null || value.isNull()) {
            return caseType.locales().stream()
                    .filter(LOCALES::contains)
                    .findFirst()
                    .orElse("en");
        }
        if (!value.isTextual() || !LOCALES.contains(value.asText())) {
            throw invalid("unsupported_locale", "locale", "locale must be one of: en, nl.");
        }
        return value.asText();
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > MAX_ID_LENGTH) {
            throw invalid("invalid_" + field, field, field + " must be a string of 1-" + MAX_ID_LENGTH + " characters");
        }
        return Optional.of(value.asText());
    }

    private static ApiException invalid(String code, String param, String message) {
        return ApiException.validation(code, message).withDetail("param", param);
    }
}
