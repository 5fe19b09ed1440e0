package com.klarefi.intake.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.intake.internal.sessions.SessionRequest;
import com.klarefi.intake.internal.sessions.Sessions;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.json.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code POST /api/v1/sessions}, {@code GET /api/v1/sessions/{session_id}} and its cancellation. */
public final class SessionsHttpService {
    private static final String ENDPOINT = "POST /api/v1/sessions";

    private final JsonBodies bodies;
    private final Idempotency idempotency;
    private final Sessions sessions;
    private final Function<String, Optional<CaseType>> caseTypes;
    private final int maxTtlHours;

    public SessionsHttpService(
            JsonBodies bodies,
            Idempotency idempotency,
            Sessions sessions,
            Function<String, Optional<CaseType>> caseTypes,
            int maxTtlHours) {
        this.bodies = bodies;
        this.idempotency = idempotency;
        this.sessions = sessions;
        this.caseTypes = caseTypes;
        this.maxTtlHours = maxTtlHours;
    }

    public void routes(ApiRoutes routes) {
        routes.post("/sessions", this::create);
        routes.get("/sessions/{sessionId}", this::read);
        routes.post("/sessions/{sessionId}/cancel", this::cancel);
    }

    private void create(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        JsonNode body = bodies.readObject(request);
        Idempotency.keyOf(body);
        SessionRequest accepted = SessionRequest.from(body, caseTypes, maxTtlHours);
        idempotency.respond(response, caller, ENDPOINT, body, tx -> {
            Session session = sessions.create(tx, caller, accepted);
            String signedUrl = sessions.signedUrl(session);
            ObjectNode result = Json.mapper().createObjectNode();
            result.put("session_id", session.id());
            result.put("case_id", session.caseId());
            result.put("signed_url", signedUrl);
            result.put("expires_at", session.expiresAt().toString());
            result.put("snippet", RedirectSnippet.of(signedUrl));
            result.put("status", session.status());
            return new Idempotency.Outcome(201, result);
        });
    }

    private void read(ServerRequest request, ServerResponse response) {
        Responses.ok(response, view(find(request)));
    }

    private void cancel(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        Session session = find(request);
        if (!sessions.cancel(caller, session.id())) {
            Session now = find(request);
            throw ApiException.of(
                    409,
                    ErrorTypes.VALIDATION,
                    "session_not_open",
                    "Session " + now.id() + " is " + now.statusAt(sessions.now())
                            + "; only an open session can be cancelled.");
        }
        Responses.ok(response, view(find(request)));
    }

    private Session find(ServerRequest request) {
        String id = request.path().pathParameters().get("sessionId");
        return sessions.findFor(Caller.of(request), id)
                .orElseThrow(
                        () -> ApiException.notFound("session_not_found", "No session " + id + " for this API key."));
    }

    private Map<String, Object> view(Session session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session_id", session.id());
        view.put("status", session.statusAt(sessions.now()));
        view.put("case_id", session.caseId());
        view.put("case_type_id", session.caseTypeId());
        view.put("locale", session.locale());
        session.returnUrl().ifPresent(url -> view.put("return_url", url));
        view.put("created_at", session.createdAt().toString());
        view.put("expires_at", session.expiresAt().toString());
        session.endedAt().ifPresent(ended -> view.put("ended_at", ended.toString()));
        view.put(
                "document_ids",
                sessions.uploads(session).stream()
                        .map(document -> document.docId())
                        .toList());
        return view;
    }
}
