package com.klarefi.processing.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.JsonBodies;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The body of {@code POST /api/v1/process}, validated field by field with codes that name the field. */
record ProcessRequest(String documentUrl, CaseOpening opening) {
    private static final int MAX_URL_LENGTH = 4096;
    private static final int MAX_ID_LENGTH = 255;
    private static final Set<String> FIELDS = Set.of(
            "document_url",
            "case_type_id",
            "idempotency_key",
            "external_case_id",
            "external_applicant_id",
            "external_customer_id",
            "trace_id");

    static ProcessRequest from(JsonNode body, Predicate<String> knownCaseType) {
        if (body.has("webhook_url")) {
            throw ApiException.validation(
                            "webhook_url_not_supported",
                            "Per-request webhook_url is not supported. "
                                    + "Register webhook endpoints on the admin surface and subscribe them to event types instead.")
                    .withDetail("param", "webhook_url");
        }
        JsonBodies.refuseUnknownFields(body, FIELDS);
        String url = documentUrl(body.get("document_url"));
        String caseTypeId = caseTypeId(body.get("case_type_id"), knownCaseType);
        CaseOpening opening = new CaseOpening(
                caseTypeId,
                optionalId(body, "external_case_id"),
                optionalId(body, "external_applicant_id"),
                optionalId(body, "external_customer_id"),
                optionalId(body, "trace_id"));
        return new ProcessRequest(url, opening);
    }

    private static String documentUrl(JsonNode value) {
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            throw ApiException.validation("missing_document_url", "document_url is required and must be a string")
                    .withDetail("param", "document_url");
        }
        if (!value.isTextual()) {
            throw invalidUrl("document_url must be a string");
        }
        String url = value.asText().strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw invalidUrl("document_url may be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalidUrl("document_url must be an absolute http or https URL with a host");
            }
            if (uri.getUserInfo() != null) {
                throw invalidUrl("document_url must not contain credentials; use a signed URL instead");
            }
        } catch (URISyntaxException e) {
            throw invalidUrl("document_url is not a valid URL");
        }
        return url;
    }

    private static String caseTypeId(JsonNode value, Predicate<String> knownCaseType) {
        if (value == null
                || value.isNull()
                || !value.isTextual()
                || value.asText().isBlank()) {
            throw ApiException.validation("missing_case_type_id", "case_type_id is required and must be a string")
                    .withDetail("param", "case_type_id");
        }
        String id = value.asText();
        if (hasControlCharacters(id)) {
            throw ApiException.validation("invalid_case_type_id", "case_type_id must not contain control characters")
                    .withDetail("param", "case_type_id");
        }
        if (!knownCaseType.test(id)) {
            throw ApiException.validation(
                            "unknown_case_type",
                            "No case type '" + id + "'. Operators list and add case types on the admin surface.")
                    .withDetail("param", "case_type_id");
        }
        return id;
    }

    private static Optional<String> optionalId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()
                || value.asText().isEmpty()
                || value.asText().length() > MAX_ID_LENGTH
                || hasControlCharacters(value.asText())) {
            throw ApiException.validation(
                            "invalid_" + field,
                            field + " must be a string of 1-" + MAX_ID_LENGTH
                                    + " characters without control characters")
                    .withDetail("param", field);
        }
        return Optional.of(value.asText());
    }

    /** Identifiers are echoed in JSON, logs and webhooks; a NUL or line break in one is never meant. */
    private static boolean hasControlCharacters(String id) {
        return id.chars().anyMatch(Character::isISOControl);
    }

    private static ApiException invalidUrl(String message) {
        return ApiException.validation("invalid_document_url", message).withDetail("param", "document_url");
    }
}
