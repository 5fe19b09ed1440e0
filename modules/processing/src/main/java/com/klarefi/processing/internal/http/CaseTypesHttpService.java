package com.klarefi.processing.internal.http;

import com.klarefi.extraction.api.InvalidCaseTypeException;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.json.Json;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operators list, read and define case types on the admin surface. */
public final class CaseTypesHttpService {
    private static final int MAX_DEFINITION_BYTES = 256 * 1024;
    private final CaseTypeRegistry registry;

    public CaseTypesHttpService(CaseTypeRegistry registry) {
        this.registry = registry;
    }

    public void adminRoutes(ApiRoutes routes) {
        routes.get(
                "/case-types",
                (request, response) -> Responses.ok(
                        response,
                        Map.of(
                                "data",
                                registry.all().stream()
                                        .map(CaseTypesHttpService::summary)
                                        .toList())));
        routes.get("/case-types/{caseTypeId}", this::read);
        routes.put("/case-types/{caseTypeId}", this::put);
    }

    private void read(ServerRequest request, ServerResponse response) {
        String id = request.path().pathParameters().get("caseTypeId");
        CaseTypeDefinition entry = registry.find(id)
                .orElseThrow(() -> ApiException.notFound("case_type_not_found", "No case type '" + id + "'."));
        Map<String, Object> body = summary(entry);
        body.put("definition", Json.read(entry.definition()));
        Responses.ok(response, body);
    }

    private void put(ServerRequest request, ServerResponse response) {
        String id = request.path().pathParameters().get("caseTypeId");
        byte[] raw = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (raw.length > MAX_DEFINITION_BYTES) {
            throw ApiException.of(
                    413, "validation_error", "payload_too_large", "A case type definition may be at most 256 KB.");
        }
        try {
            CaseTypeDefinition stored = registry.put(id, new String(raw, StandardCharsets.UTF_8));
            Responses.ok(response, summary(stored));
        } catch (InvalidCaseTypeException e) {
            throw ApiException.validation(
                            "invalid_case_type",
                            "The case type definition is invalid: " + String.join("; ", e.problems()))
                    .withDetail("problems", e.problems());
        }
    }

    private static Map<String, Object> summary(CaseTypeDefinition entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.caseType().id());
        view.put("name", entry.caseType().name());
        if (!entry.caseType().names().isEmpty()) {
            view.put("names", entry.caseType().names());
        }
        view.put("source", entry.source());
        view.put(
                "features",
                entry.caseType().features().stream()
                        .map(feature -> feature.id())
                        .toList());
        return view;
    }
}
