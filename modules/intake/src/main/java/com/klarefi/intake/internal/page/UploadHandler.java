package com.klarefi.intake.internal.page;

import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.intake.internal.sessions.Sessions;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.web.BoundedBody;
import com.klarefi.platform.web.Csrf;
import com.klarefi.platform.web.MultipartForm;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.Documents;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /s/{session_id}/documents}: one or more files from the form (or from the page's
 * script, one per request, answered in JSON so it can show progress). Each file becomes a
 * document of the session's case, checked against the same limits as fetched documents.
 */
final class UploadHandler {
    /** Room for the form's other fields and the multipart framing around one document. */
    private static final long FRAMING_BYTES = 64 * 1024;

    private final Sessions sessions;
    private final PageAccess access;
    private final Documents documents;
    private final Function<Session, List<PageModel.UploadedDocument>> statuses;
    private final long maxDocumentBytes;

    UploadHandler(
            Sessions sessions,
            PageAccess access,
            Documents documents,
            Function<Session, List<PageModel.UploadedDocument>> statuses,
            long maxDocumentBytes) {
        this.sessions = sessions;
        this.access = access;
        this.documents = documents;
        this.statuses = statuses;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    void handle(ServerRequest request, ServerResponse response) {
        // The signed link is checked before a byte of the body is read: without it the upload is
        // refused and its connection closed unread.
        Optional<Session> session = access.open(request, response);
        if (session.isEmpty()) {
            return;
        }
        Optional<String> boundary = MultipartForm.boundary(
                request.headers().first(HeaderNames.CONTENT_TYPE).orElse(null));
        Optional<byte[]> body = boundary.isEmpty()
                ? Optional.of(new byte[0])
                : BoundedBody.read(request, maxDocumentBytes + FRAMING_BYTES);
        List<MultipartForm.Part> parts;
        try {
            parts = boundary.isEmpty() || body.isEmpty() ? List.of() : MultipartForm.parse(body.get(), boundary.get());
        } catch (MultipartForm.MalformedException e) {
            parts = List.of();
        }
        String csrf = parts.stream()
                .filter(part -> part.name().equals(PageView.CSRF_FIELD)
                        && part.filename().isEmpty())
                .map(MultipartForm.Part::text)
                .findFirst()
                .orElse(request.headers().first(HeaderNames.create(Csrf.HEADER)).orElse(""));
        List<MultipartForm.Part> files = parts.stream()
                .filter(part -> part.filename().isPresent() && part.content().length > 0)
                .toList();
        boolean tooLarge = body.isEmpty();
        if (access.formCameFromPage(request, response, session.get(), csrf)) {
            respond(request, response, session.get(), files, tooLarge);
        }
    }

    private void respond(
            ServerRequest request,
            ServerResponse response,
            Session session,
            List<MultipartForm.Part> files,
            boolean tooLarge) {
        PageTexts texts = PageTexts.of(session.locale());
        List<String> accepted = new ArrayList<>();
        List<Map<String, String>> refused = new ArrayList<>();
        if (tooLarge) {
            refused.add(Map.of("filename", "", "message", texts.get("refused.too_large")));
        } else if (files.isEmpty()) {
            refused.add(Map.of("filename", "", "message", texts.get("upload.none")));
        }
        for (MultipartForm.Part file : files) {
            try {
                Optional<String> docId = sessions.whileOpen(
                        session.id(),
                        (tx, locked) -> sessions.upload(
                                tx, locked, file.content(), file.filename().orElseThrow()));
                if (docId.isEmpty()) {
                    access.open(request, response);
                    return;
                }
                documents.enqueue(docId.get());
                accepted.add(docId.get());
            } catch (DocumentFailure failure) {
                refused.add(Map.of(
                        "filename",
                        file.filename().orElseThrow(),
                        "message",
                        texts.get("refused." + failure.codeName())));
            }
        }
        if (wantsJson(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "documents",
                    statuses.apply(session).stream()
                            .filter(document -> accepted.contains(document.docId()))
                            .map(document -> Map.of(
                                    "doc_id",
                                    document.docId(),
                                    "filename",
                                    document.filename(),
                                    "status",
                                    document.status(),
                                    "label",
                                    texts.status(document.status())))
                            .toList());
            body.put("refused", refused);
            Responses.json(response, accepted.isEmpty() ? (tooLarge ? 413 : 400) : 201, body);
        } else if (refused.isEmpty()) {
            IntakePages.redirect(
                    response,
                    "/s/" + session.id() + "?token="
                            + request.query().first("token").orElse(""));
        } else {
            String notice = String.join(
                    " ",
                    refused.stream()
                            .map(item -> (item.get("filename").isEmpty() ? "" : item.get("filename") + ": ")
                                    + item.get("message"))
                            .toList());
            MessagePages.sendNotice(
                    response,
                    accepted.isEmpty() ? 400 : 200,
                    texts,
                    notice,
                    "/s/" + session.id() + "?token="
                            + request.query().first("token").orElse(""));
        }
    }

    private static boolean wantsJson(ServerRequest request) {
        return request.headers()
                .first(HeaderNames.ACCEPT)
                .map(accept -> accept.contains("application/json"))
                .orElse(false);
    }
}
