package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;

/** Finding a case by its id or the customer's id, and reading its documents and features with their evidence. */
final class CasePages {
    static final String SECTION = "cases";
    private static final int RESULTS = 50;

    private final Cases cases;
    private final Layout layout;
    private final SignedIn signedIn;

    CasePages(Cases cases, Layout layout, SignedIn signedIn) {
        this.cases = cases;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/cases", signedIn.page(this::search));
        routes.publicRoute(Method.GET, "/cases/{caseId}", signedIn.page(this::view));
    }

    private void search(ServerRequest request, ServerResponse response, OperatorSession session) {
        String query = request.query().first("q").orElse("").strip();
        List<List<String>> rows = cases.search(query, RESULTS).stream().map(summary -> List.of(
                Html.link(Dashboard.PREFIX + "/cases/" + Html.url(summary.caseId()), summary.caseId()),
                Html.text(summary.externalCaseId()), Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(summary.orgId()),
                        summary.orgId()), Html.text(summary.environment().wireName()), Html.text(summary.caseTypeId()),
                Html.status(summary.status()), Html.time(summary.updatedAt()))).toList();
        String body = "<form method=\"get\" action=\"" + Dashboard.PREFIX + "/cases\" class=\"row\" role=\"search\">"
                + "<label for=\"q\">Case id or external case id</label><input id=\"q\" name=\"q\" value=\"" + Html.text(query) + "\">"
                + "<button type=\"submit\">Search</button></form>"
                + (query.isEmpty() ? "<h2>Recently changed</h2>" : "<h2>Results</h2>")
                + Html.table(List.of("Case", "External id", "Organisation", "Environment", "Case type", "Status", "Updated"), rows,
                query.isEmpty() ? "No cases yet." : "No case has this id or external id.");
        layout.page(request, response, session, SECTION, "Cases", body);
    }

    private void view(ServerRequest request, ServerResponse response, OperatorSession session) {
        CaseView view = find(cases, request.path().pathParameters().get("caseId"));
        CaseSummary summary = view.summary();
        String casePath = Dashboard.PREFIX + "/cases/" + Html.url(summary.caseId());
        List<List<String>> documents = view.documents().stream().map(document -> List.of(
                document.pageCount().isPresent() ? Html.link(casePath + "/documents/" + Html.url(document.docId()) + "/pages/0",
                        document.docId()) : Html.code(document.docId()),
                Html.status(document.status()), Html.text(document.mediaType()), Html.text(document.pageCount()),
                Html.text(document.failureCode().map(code -> code + ": " + document.failureMessage().orElse(""))))).toList();
        StringBuilder body = new StringBuilder(Html.facts(List.of(Html.fact("External case id", Html.text(summary.externalCaseId())),
                Html.fact("Organisation", Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(summary.orgId()), summary.orgId())
                        + " (" + Html.text(summary.environment().wireName()) + ")"),
                Html.fact("Case type", Html.link(Dashboard.PREFIX + "/case-types/" + Html.url(summary.caseTypeId()), summary.caseTypeId())),
                Html.fact("Status", Html.status(summary.status())), Html.fact("Created", Html.time(summary.createdAt())),
                Html.fact("Updated", Html.time(summary.updatedAt())))));
        body.append("<h2>Documents</h2>").append(Html.table(List.of("Document", "Status", "Media type", "Pages", "Failure"),
                documents, "No documents."));
        body.append("<h2>Features</h2>");
        if (view.features().isEmpty()) {
            body.append("<p class=\"muted\">No features yet.</p>");
        }
        view.features().forEach(feature -> body.append(feature(casePath, feature)));
        layout.page(request, response, session, SECTION, "Case " + summary.caseId(), body.toString());
    }

    private static String feature(String casePath, CaseFeature feature) {
        CaseFeature.Decision decision = feature.decision();
        List<List<String>> candidates = feature.candidates().stream().map(candidate -> List.of(
                decision.selectedCandidateIds().contains(candidate.candidateId()) ? "<strong>selected</strong>" : "",
                Html.text(candidate.valueRaw()), Html.code(candidate.valueNormalized()),
                String.format(Locale.ROOT, "%.2f", candidate.confidence()),
                String.join(" ", candidate.evidenceIds().stream().map(Html::code).toList()))).toList();
        StringBuilder out = new StringBuilder("<section class=\"feature\"><h3>").append(Html.text(feature.featureId()))
                .append(" ").append(Html.status(decision.outcome())).append("</h3>");
        decision.reason().ifPresent(reason -> out.append("<p class=\"muted\">").append(Html.text(reason)).append("</p>"));
        out.append(Html.table(List.of("", "Value", "Normalised", "Confidence", "Evidence"), candidates, "No candidates."));
        if (!feature.evidence().isEmpty()) {
            out.append("<ul class=\"evidence\">");
            feature.evidence().forEach(evidence -> out.append("<li>").append(Html.code(evidence.evidenceId())).append(" <q>")
                    .append(Html.text(evidence.quote())).append("</q> ").append(source(casePath, evidence)).append("</li>"));
            out.append("</ul>");
        }
        return out.append("</section>").toString();
    }

    /**
     * Where the quote was found: a page of a document, with a link that highlights it, or the
     * applicant's own statement on the intake page, which has no document to show.
     */
    private static String source(String casePath, CaseFeature.Evidence evidence) {
        if (evidence.sessionId().isPresent()) {
            return "<span class=\"muted\">stated by the applicant in session " + Html.code(evidence.sessionId().get()) + "</span>";
        }
        String page = casePath + "/documents/" + Html.url(evidence.docId()) + "/pages/" + evidence.pageIndex()
                + "?evidence=" + Html.url(evidence.evidenceId()) + "#evidence";
        return "<span class=\"muted\">" + Html.text(evidence.docId()) + ", page " + (evidence.pageIndex() + 1) + ", "
                + Html.text(evidence.method()) + (evidence.ocrConfidence().isPresent()
                ? String.format(Locale.ROOT, ", OCR %.2f", evidence.ocrConfidence().getAsDouble()) : "")
                + "</span> " + Html.link(page, "show on the page");
    }

    static CaseView find(Cases cases, String caseId) {
        return cases.view(caseId).orElseThrow(() -> ApiException.notFound("case_not_found", "There is no case " + caseId + "."));
    }
}
