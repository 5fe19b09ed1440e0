package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.cases.api.CaseDocument;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.erasure.api.ErasureRecord;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.processing.api.Processing;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * A case's documents on its page: each by its file name or address, a failed one with its reason
 * and a retry, and a note for each document erased from the case.
 */
final class CaseDocuments {
    private final Cases cases;
    private final Processing processing;
    private final Erasure erasure;
    private final SignedIn signedIn;

    CaseDocuments(Cases cases, Processing processing, Erasure erasure, SignedIn signedIn) {
        this.cases = cases;
        this.processing = processing;
        this.erasure = erasure;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.POST, "/cases/{caseId}/documents/{docId}/retry", signedIn.form(this::retry));
    }

    /** The documents table and the erasure notes; {@code names} holds each document's file name or address. */
    String section(OperatorSession session, CaseView view, Map<String, String> names) {
        String casePath = Dashboard.PREFIX + "/cases/" + Html.url(view.summary().caseId());
        List<List<String>> rows = view.documents().stream()
                .map(document -> List.of(
                        (document.pageCount().isPresent()
                                        ? Html.link(
                                                casePath + "/documents/" + Html.url(document.docId()) + "/pages/0",
                                                names.get(document.docId()))
                                        : Html.text(names.get(document.docId())))
                                + "<br>" + Html.code(document.docId()),
                        Html.status(document.status()),
                        Html.text(document.mediaType()),
                        Html.text(document.pageCount()),
                        Html.text(document.failureCode()
                                .map(code ->
                                        code + ": " + document.failureMessage().orElse(""))),
                        actions(session, casePath, document)))
                .toList();
        return "<h2>Documents</h2>"
                + Html.table(
                        List.of("Document", "Status", "Media type", "Pages", "Failure", "Actions"),
                        rows,
                        "No documents.")
                + erased(erasure.ofCase(view.summary().caseId()));
    }

    private static String actions(OperatorSession session, String casePath, CaseDocument document) {
        return document.status().equals("failed")
                ? Layout.button(session, casePath + "/documents/" + Html.url(document.docId()) + "/retry", "Retry", "")
                : "";
    }

    /** Where a document was erased, say so: its features are gone from the case, and the log says why. */
    private static String erased(List<ErasureRecord> erasures) {
        if (erasures.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ul class=\"erased\">");
        for (ErasureRecord record : erasures) {
            out.append("<li>Document ")
                    .append(Html.code(record.docId()))
                    .append(" was erased on ")
                    .append(Html.time(record.erasedAt()))
                    .append(": its content and the evidence, candidates and decisions drawn from it are deleted (")
                    .append(Html.link(
                            Dashboard.PREFIX + "/erasures?org=" + Html.url(record.orgId()),
                            "erasure " + record.auditId()))
                    .append(").</li>");
        }
        return out.append("</ul>").toString();
    }

    /** Retries a failed document of this case, then back to the case (post/redirect/get). */
    private void retry(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        CaseView view = CasePages.find(cases, request.path().pathParameters().get("caseId"));
        String docId = request.path().pathParameters().get("docId");
        if (view.documents().stream().noneMatch(document -> document.docId().equals(docId))) {
            throw ApiException.notFound(
                    "document_not_found", "Case " + view.summary().caseId() + " has no document " + docId + ".");
        }
        processing.retryDocument(docId);
        Layout.redirect(
                response, Dashboard.PREFIX + "/cases/" + Html.url(view.summary().caseId()) + "?done=retried");
    }
}
