package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.processing.api.PageText;
import com.klarefi.processing.api.Processing;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The text of a document's page with one piece of evidence highlighted where its offsets point. */
final class PageTextPages {
    private final Cases cases;
    private final Processing processing;
    private final Layout layout;
    private final SignedIn signedIn;

    PageTextPages(Cases cases, Processing processing, Layout layout, SignedIn signedIn) {
        this.cases = cases;
        this.processing = processing;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    /** The widest page image sent; wide enough for a desktop, small enough for a phone's data. */
    static final int IMAGE_WIDTH = 1400;

    private static final Set<String> IMAGED = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff");

    void routes(ApiRoutes routes) {
        routes.publicRoute(
                Method.GET, "/cases/{caseId}/documents/{docId}/pages/{pageIndex}", signedIn.page(this::page));
        routes.publicRoute(
                Method.GET, "/cases/{caseId}/documents/{docId}/pages/{pageIndex}/image", signedIn.page(this::image));
    }

    /** The page rendered (a PDF) or as scanned (an image), PNG; evidence boxes are drawn over it by the page, not into it. */
    private void image(ServerRequest request, ServerResponse response, OperatorSession session) {
        CaseView view = CasePages.find(cases, request.path().pathParameters().get("caseId"));
        String docId = request.path().pathParameters().get("docId");
        int pageIndex = pageIndex(request.path().pathParameters().get("pageIndex"));
        boolean ofThisCase =
                view.documents().stream().anyMatch(document -> document.docId().equals(docId));
        byte[] png = Optional.of(ofThisCase)
                .filter(Boolean::booleanValue)
                .flatMap(yes -> processing.pageImage(
                        view.summary().orgId(), view.summary().environment(), docId, pageIndex, IMAGE_WIDTH))
                .orElseThrow(() -> ApiException.notFound(
                        "page_not_found", "Document " + docId + " has no image of page " + (pageIndex + 1) + "."));
        response.header(HeaderNames.CONTENT_TYPE, "image/png");
        response.header(HeaderNames.CACHE_CONTROL, "private, max-age=300");
        response.header("X-Content-Type-Options", "nosniff");
        response.send(png);
    }

    private void page(ServerRequest request, ServerResponse response, OperatorSession session) {
        CaseView view = CasePages.find(cases, request.path().pathParameters().get("caseId"));
        String docId = request.path().pathParameters().get("docId");
        int pageIndex = pageIndex(request.path().pathParameters().get("pageIndex"));
        CaseSummary summary = view.summary();
        boolean ofThisCase =
                view.documents().stream().anyMatch(document -> document.docId().equals(docId));
        PageText page = Optional.of(ofThisCase)
                .filter(Boolean::booleanValue)
                .flatMap(yes -> processing.pageText(summary.orgId(), summary.environment(), docId, pageIndex))
                .orElseThrow(() -> ApiException.notFound(
                        "page_not_found",
                        "Document " + docId + " of this case has no page " + (pageIndex + 1)
                                + " (it may not be processed yet, or was erased)."));
        Optional<CaseFeature.Evidence> evidence = request.query()
                .first("evidence")
                .asOptional()
                .flatMap(id -> view.features().stream()
                        .flatMap(feature -> feature.evidence().stream())
                        .filter(candidate -> candidate.evidenceId().equals(id)
                                && docId.equals(candidate.docId())
                                && candidate.pageIndex() == pageIndex)
                        .findFirst());
        String casePath = Dashboard.PREFIX + "/cases/" + Html.url(summary.caseId());
        String pagePath = casePath + "/documents/" + Html.url(docId) + "/pages/";
        StringBuilder pager =
                new StringBuilder("<p class=\"filters\">").append(Html.link(casePath, "Back to the case"));
        if (pageIndex > 0) {
            pager.append(" · ").append(Html.link(pagePath + (pageIndex - 1), "previous page"));
        }
        if (pageIndex + 1 < page.pageCount()) {
            pager.append(" · ").append(Html.link(pagePath + (pageIndex + 1), "next page"));
        }
        String quote = evidence.map(
                        found -> "<p>Evidence " + Html.code(found.evidenceId()) + ": <q>" + Html.text(found.quote())
                                + "</q>, characters " + found.charStart() + "-" + found.charEnd() + ".</p>")
                .orElse("");
        boolean imaged = view.documents().stream()
                .anyMatch(document -> document.docId().equals(docId)
                        && document.mediaType().filter(IMAGED::contains).isPresent());
        String body = pager.append("</p>")
                + Html.facts(List.of(
                        Html.fact("Method", Html.text(page.method().wireName())),
                        Html.fact("Page", (pageIndex + 1) + " of " + page.pageCount())))
                + quote
                + (imaged ? EvidenceOverlay.figure(pagePath + pageIndex + "/image", page, evidence, pageIndex) : "")
                + "<h2>Page text</h2><pre class=\"page-text\">" + highlighted(page.text(), evidence) + "</pre>";
        layout.page(
                request, response, session, CasePages.SECTION, "Document " + docId + ", page " + (pageIndex + 1), body);
    }

    /** The page text with the evidence's characters marked; offsets outside the text are clamped. */
    static String highlighted(String text, Optional<CaseFeature.Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Html.text(text);
        }
        int start = Math.clamp(evidence.get().charStart(), 0, text.length());
        int end = Math.clamp(evidence.get().charEnd(), start, text.length());
        return Html.text(text.substring(0, start)) + "<mark id=\"evidence\">" + Html.text(text.substring(start, end))
                + "</mark>" + Html.text(text.substring(end));
    }

    private static int pageIndex(String raw) {
        try {
            int index = Integer.parseInt(raw);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.notFound("page_not_found", "There is no page " + raw + ".");
    }
}
