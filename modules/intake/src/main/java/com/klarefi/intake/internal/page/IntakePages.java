package com.klarefi.intake.internal.page;

import com.klarefi.auth.api.OrganisationLogo;
import com.klarefi.auth.api.OrganisationProfiles;
import com.klarefi.cases.api.CaseQueries;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.intake.internal.sessions.Sessions;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.HtmlPages;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.web.BoundedBody;
import com.klarefi.platform.web.Csrf;
import com.klarefi.platform.web.FormFields;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The applicant's page at {@code /s/{session_id}?token=...} and the forms on it. */
public final class IntakePages {
    private static final int MAX_FORM_BYTES = 64 * 1024;
    private static final String CSRF_COOKIE = "klarefi_intake_csrf";

    private final Sessions sessions;
    private final Corrections corrections;
    private final CaseQueries cases;
    private final PageAccess access;
    private final UploadHandler uploads;
    private final long maxDocumentBytes;
    private final OrganisationProfiles profiles;

    public IntakePages(
            Sessions sessions,
            Corrections corrections,
            CaseQueries cases,
            PageAccessSettings settings,
            OrganisationProfiles profiles) {
        this.sessions = sessions;
        this.profiles = profiles;
        this.corrections = corrections;
        this.cases = cases;
        this.access = new PageAccess(
                sessions, settings.tokens(), new Csrf(CSRF_COOKIE, settings.secureCookies(), settings.csrfKey()));
        this.maxDocumentBytes = settings.maxDocumentBytes();
        this.uploads = new UploadHandler(sessions, access, settings.documents(), this::statusesOf, maxDocumentBytes);
    }

    public void routes(ApiRoutes routes) {
        routes.publicRoute(
                Method.GET, PageView.STYLESHEET, StaticAssets.handler("intake.css", "text/css; charset=utf-8"));
        routes.publicRoute(
                Method.GET, PageView.SCRIPT, StaticAssets.handler("intake.js", "text/javascript; charset=utf-8"));
        routes.publicRoute(Method.GET, "/s/{sessionId}", this::page);
        routes.publicRoute(Method.GET, "/s/{sessionId}/status", this::status);
        routes.publicRoute(Method.GET, "/s/{sessionId}/logo", this::logo);
        routes.publicRoute(Method.POST, "/s/{sessionId}/documents", uploads::handle);
        routes.publicRoute(Method.POST, "/s/{sessionId}/statements", this::statements);
        routes.publicRoute(Method.POST, "/s/{sessionId}/complete", this::complete);
    }

    private void page(ServerRequest request, ServerResponse response) {
        access.open(request, response)
                .ifPresent(session -> render(
                        request,
                        response,
                        session,
                        200,
                        Map.of(),
                        List.of(),
                        noticeAsked(request, PageTexts.of(session.locale()))));
    }

    /** The notice a redirect asked for: the saved corrections, or a finish that needs a document first. */
    private static Optional<PageModel.Notice> noticeAsked(ServerRequest request, PageTexts texts) {
        if (request.query().contains("saved")) {
            return Optional.of(PageModel.Notice.of("values", texts.get("values.saved")));
        }
        if (request.query().contains("unfinished")) {
            return Optional.of(PageModel.Notice.problem("finish", texts.get("finish.needs_document")));
        }
        return Optional.empty();
    }

    void render(
            ServerRequest request,
            ServerResponse response,
            Session session,
            int status,
            Map<String, String> typed,
            List<String> unreadable,
            Optional<PageModel.Notice> notice) {
        String token = request.query().first("token").orElse("");
        PageModel model = new PageModel(
                session,
                token,
                access.csrfFor(request, response, session),
                corrections.caseType(session),
                statusesOf(session),
                corrections.values(session),
                typed,
                unreadable,
                notice,
                Math.max(1, maxDocumentBytes / (1024 * 1024)),
                profiles.profile(session.orgId()));
        HtmlPages.send(response, status, PageView.render(model), MessagePages.policy(session.returnUrl()));
    }

    /** The organisation's logo, for whoever holds the session's link; 404 when it has none. */
    private void logo(ServerRequest request, ServerResponse response) {
        access.open(request, response).ifPresent(session -> {
            Optional<OrganisationLogo> logo = profiles.logo(session.orgId());
            if (logo.isEmpty()) {
                response.status(Status.NOT_FOUND_404);
                response.send();
                return;
            }
            response.header(HeaderNames.CONTENT_TYPE, logo.get().mediaType());
            response.header(HeaderNames.CACHE_CONTROL, "private, max-age=300");
            response.header("X-Content-Type-Options", "nosniff");
            response.send(logo.get().content());
        });
    }

    /** The documents' progress as the page's script polls it. */
    private void status(ServerRequest request, ServerResponse response) {
        access.open(request, response).ifPresent(session -> {
            PageTexts texts = PageTexts.of(session.locale());
            List<Map<String, Object>> documents = statusesOf(session).stream()
                    .map(document -> {
                        Map<String, Object> view = new LinkedHashMap<>();
                        view.put("doc_id", document.docId());
                        view.put("filename", document.filename());
                        view.put("status", document.status());
                        view.put("label", texts.status(document.status()));
                        return view;
                    })
                    .toList();
            Responses.ok(
                    response,
                    Map.of(
                            "documents",
                            documents,
                            "reading",
                            documents.stream()
                                    .anyMatch(view -> !view.get("status").equals("processed")
                                            && !view.get("status").equals("failed"))));
        });
    }

    private void statements(ServerRequest request, ServerResponse response) {
        Map<String, String> form = form(request);
        access.openForPost(request, response, form.get(PageView.CSRF_FIELD)).ifPresent(session -> {
            Map<String, String> typed = form.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("value."))
                    .collect(Collectors.toMap(
                            entry -> entry.getKey().substring("value.".length()),
                            Map.Entry::getValue,
                            (first, second) -> first,
                            LinkedHashMap::new));
            Optional<Corrections.Applied> applied = sessions.whileOpen(
                    session.id(), (tx, locked) -> corrections.apply(tx, locked, typed, sessions.now()));
            if (applied.isEmpty()) {
                access.open(request, response);
            } else if (applied.get().unreadable().isEmpty()) {
                redirect(
                        response,
                        "/s/" + session.id() + "?token="
                                + request.query().first("token").orElse("") + "&saved=1#values-title");
            } else {
                String notice = PageTexts.of(session.locale())
                        .get(applied.get().stored() > 0 ? "values.partly" : "values.none_saved");
                render(
                        request,
                        response,
                        session,
                        400,
                        typed,
                        List.copyOf(applied.get().unreadable().keySet()),
                        Optional.of(PageModel.Notice.problem("values", notice)));
            }
        });
    }

    /**
     * Finishing needs a document that was read, or the applicant's explicit word that they have
     * none: one tap must not end a session that holds nothing.
     */
    private void complete(ServerRequest request, ServerResponse response) {
        Map<String, String> form = form(request);
        access.openForPost(request, response, form.get(PageView.CSRF_FIELD)).ifPresent(session -> {
            boolean anyRead = statusesOf(session).stream()
                    .anyMatch(document -> document.status().equals("processed"));
            boolean withoutDocuments = !anyRead && "yes".equals(form.get("no_documents"));
            if (!anyRead && !withoutDocuments) {
                // Back to the page, at the finish section with the reason; the form itself carries no fragment,
                // because a browser keeps it through the redirect to the customer's return URL.
                redirect(
                        response,
                        "/s/" + session.id() + "?token="
                                + request.query().first("token").orElse("") + "&unfinished=1#finish-title");
            } else if (sessions.whileOpen(session.id(), (tx, locked) -> {
                        sessions.complete(tx, locked);
                        return true;
                    })
                    .isEmpty()) {
                access.open(request, response);
            } else if (session.returnUrl().isPresent()) {
                String url = session.returnUrl().get();
                redirect(response, url + (url.contains("?") ? "&" : "?") + "session_id=" + session.id());
            } else {
                MessagePages.send(
                        response,
                        200,
                        PageTexts.of(session.locale()),
                        withoutDocuments ? "done_without_documents" : "done");
            }
        });
    }

    private List<PageModel.UploadedDocument> statusesOf(Session session) {
        Map<String, DocumentOutcome> outcomes = cases.documents(session.caseId()).stream()
                .collect(Collectors.toMap(DocumentOutcome::docId, Function.identity()));
        return sessions.uploads(session).stream()
                .map(upload -> {
                    Optional<DocumentOutcome> outcome = Optional.ofNullable(outcomes.get(upload.docId()));
                    return new PageModel.UploadedDocument(
                            upload.docId(),
                            upload.filename(),
                            outcome.map(DocumentOutcome::status).orElse("queued"),
                            outcome.flatMap(DocumentOutcome::failureCode));
                })
                .toList();
    }

    private static Map<String, String> form(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return Map.of();
        }
        byte[] body = BoundedBody.read(request, MAX_FORM_BYTES).orElse(new byte[0]);
        return FormFields.parse(new String(body, StandardCharsets.UTF_8)).firstValues();
    }

    /** After a form post: 303, so reloading the next page does not post again. */
    static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303);
        response.header(HeaderNames.LOCATION, location);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header("Referrer-Policy", "no-referrer");
        response.send();
    }
}
