package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Organisations;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.processing.api.Processing;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding a case by its id or the customer's id, and reading its documents and features with their evidence. */
final class CasePages {
    static final String SECTION = "cases";
    private static final int RESULTS = 50;

    private static final List<String> STATUSES = List.of("processing", "processed", "failed");

    private final Cases cases;
    private final Organisations organisations;
    private final Processing processing;
    private final Layout layout;
    private final SignedIn signedIn;
    private final CaseDocuments documents;

    CasePages(
            Cases cases,
            Organisations organisations,
            Processing processing,
            Layout layout,
            SignedIn signedIn,
            CaseDocuments documents) {
        this.documents = documents;
        this.cases = cases;
        this.organisations = organisations;
        this.processing = processing;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/cases", signedIn.page(this::search));
        routes.publicRoute(Method.GET, "/cases/{caseId}", signedIn.page(this::view));
        documents.routes(routes);
    }

    private void search(ServerRequest request, ServerResponse response, OperatorSession session) {
        String query = request.query().first("q").orElse("").strip();
        Optional<String> status = parameter(request, "status");
        Optional<String> caseType = parameter(request, "case_type");
        Optional<String> orgId = parameter(request, "org");
        boolean withFailed = parameter(request, "failed").isPresent();
        boolean toReview = parameter(request, "review").isPresent();
        CaseSearch search = new CaseSearch(query, status, caseType, orgId, withFailed, toReview);
        Map<String, String> names = organisationNames();
        List<List<String>> rows = cases.search(search, RESULTS).stream()
                .map(summary -> List.of(
                        Html.link(Dashboard.PREFIX + "/cases/" + Html.url(summary.caseId()), summary.caseId()),
                        Html.text(summary.externalCaseId()),
                        organisation(names, summary.orgId()),
                        Html.text(summary.environment().wireName()),
                        Html.text(summary.caseTypeId()),
                        status(summary),
                        Html.time(summary.updatedAt())))
                .toList();
        boolean filtered = !search.equals(CaseSearch.latest());
        String body = "<form method=\"get\" action=\"" + Dashboard.PREFIX + "/cases\" class=\"row\" role=\"search\">"
                + "<label for=\"q\">Case id or start of the external id</label><input id=\"q\" name=\"q\" value=\""
                + Html.text(query) + "\">"
                + select(
                        "status",
                        "Status",
                        STATUSES.stream().map(value -> Map.entry(value, value)).toList(),
                        status)
                + select(
                        "case_type",
                        "Case type",
                        processing.caseTypes().stream()
                                .map(definition -> Map.entry(
                                        definition.caseType().id(),
                                        definition.caseType().id()))
                                .toList(),
                        caseType)
                + select(
                        "org",
                        "Organisation",
                        names.entrySet().stream()
                                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                                .toList(),
                        orgId)
                + "<span class=\"check\"><input type=\"checkbox\" id=\"failed\" name=\"failed\" value=\"1\""
                + (withFailed ? " checked" : "")
                + "><label for=\"failed\">with a failed document</label></span>"
                + "<span class=\"check\"><input type=\"checkbox\" id=\"review\" name=\"review\" value=\"1\""
                + (toReview ? " checked" : "")
                + "><label for=\"review\">with a value to review</label></span>"
                + "<button type=\"submit\">Search</button></form>"
                + (filtered ? "<h2>Results</h2>" : "<h2>Recently changed</h2>")
                + Html.table(
                        List.of("Case", "External id", "Organisation", "Environment", "Case type", "Status", "Updated"),
                        rows,
                        filtered ? "No case matches." : "No cases yet.");
        layout.page(request, response, session, SECTION, "Cases", body);
    }

    /** The case's status, and beside it that some of its documents failed: a processed case may hold a failed document. */
    static String status(CaseSummary summary) {
        return Html.status(summary.status())
                + (summary.failedDocuments() > 0
                        ? " <span class=\"status status-failed\">" + summary.failedDocuments()
                                + (summary.failedDocuments() == 1 ? " document" : " documents") + " failed</span>"
                        : "");
    }

    private Map<String, String> organisationNames() {
        Map<String, String> names = new LinkedHashMap<>();
        organisations.list().forEach(organisation -> names.put(organisation.orgId(), organisation.name()));
        return names;
    }

    /** An organisation by its name, linked; its id for the reader who needs it. */
    private static String organisation(Map<String, String> names, String orgId) {
        return Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(orgId), names.getOrDefault(orgId, orgId))
                + (names.containsKey(orgId) ? " <span class=\"muted\">" + Html.code(orgId) + "</span>" : "");
    }

    private static String select(
            String name, String label, List<Map.Entry<String, String>> options, Optional<String> chosen) {
        StringBuilder out = new StringBuilder("<label for=\"")
                .append(name)
                .append("\">")
                .append(Html.text(label))
                .append("</label><select id=\"")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\"><option value=\"\">any</option>");
        for (Map.Entry<String, String> option : options) {
            out.append("<option value=\"")
                    .append(Html.text(option.getKey()))
                    .append('"')
                    .append(chosen.filter(option.getKey()::equals).isPresent() ? " selected" : "")
                    .append('>')
                    .append(Html.text(option.getValue()))
                    .append("</option>");
        }
        return out.append("</select>").toString();
    }

    private static Optional<String> parameter(ServerRequest request, String name) {
        return request.query().first(name).asOptional().map(String::strip).filter(value -> !value.isEmpty());
    }

    private void view(ServerRequest request, ServerResponse response, OperatorSession session) {
        CaseView view = find(cases, request.path().pathParameters().get("caseId"));
        CaseSummary summary = view.summary();
        String casePath = Dashboard.PREFIX + "/cases/" + Html.url(summary.caseId());
        Map<String, String> names = new LinkedHashMap<>();
        view.documents()
                .forEach(document -> names.put(document.docId(), source(processing.documentSource(document.docId()))));
        String notice = request.query()
                .first("done")
                .asOptional()
                .filter("retried"::equals)
                .map(done -> Html.notice("The document is being processed again."))
                .orElse("");
        StringBuilder body = new StringBuilder(notice)
                .append(Html.facts(List.of(
                        Html.fact("External case id", Html.text(summary.externalCaseId())),
                        Html.fact(
                                "Organisation",
                                organisation(organisationNames(), summary.orgId()) + " ("
                                        + Html.text(summary.environment().wireName()) + ")"),
                        Html.fact(
                                "Case type",
                                Html.link(
                                        Dashboard.PREFIX + "/case-types/" + Html.url(summary.caseTypeId()),
                                        summary.caseTypeId())),
                        Html.fact("Status", status(summary)),
                        Html.fact("Created", Html.time(summary.createdAt())),
                        Html.fact("Updated", Html.time(summary.updatedAt())))));
        body.append(documents.section(session, view, names));
        body.append("<h2>Features</h2>");
        if (view.features().isEmpty()) {
            body.append("<p class=\"muted\">No features yet.</p>");
        } else {
            body.append(summaryTable(view.features()));
        }
        view.features().forEach(feature -> body.append(feature(casePath, feature, names)));
        layout.page(request, response, session, SECTION, "Case " + summary.caseId(), body.toString());
    }

    /** Every feature in one line: the value chosen and the decision, linked to its details below. */
    static String summaryTable(List<CaseFeature> features) {
        List<List<String>> rows = features.stream()
                .map(feature -> List.of(
                        "<a href=\"#feature-" + Html.text(feature.featureId()) + "\">" + Html.text(feature.featureId())
                                + "</a>",
                        Html.text(String.join(
                                ", ",
                                feature.candidates().stream()
                                        .filter(candidate -> feature.decision()
                                                .selectedCandidateIds()
                                                .contains(candidate.candidateId()))
                                        .map(CaseFeature.Candidate::valueNormalized)
                                        .toList())),
                        Html.status(feature.decision().outcome())))
                .toList();
        return Html.table(List.of("Feature", "Value", "Decision"), rows, "No features yet.");
    }

    private static String feature(String casePath, CaseFeature feature, Map<String, String> documentNames) {
        CaseFeature.Decision decision = feature.decision();
        List<List<String>> candidates = feature.candidates().stream()
                .map(candidate -> List.of(
                        decision.selectedCandidateIds().contains(candidate.candidateId())
                                ? "<strong>selected</strong>"
                                : "",
                        Html.text(candidate.valueRaw()),
                        Html.code(candidate.valueNormalized()),
                        String.format(Locale.ROOT, "%.2f", candidate.confidence()),
                        String.join(
                                " ",
                                candidate.evidenceIds().stream().map(Html::code).toList())))
                .toList();
        StringBuilder out = new StringBuilder("<section class=\"feature\" id=\"feature-")
                .append(Html.text(feature.featureId()))
                .append("\"><h3>")
                .append(Html.text(feature.featureId()))
                .append(" ")
                .append(Html.status(decision.outcome()))
                .append("</h3>");
        decision.reason()
                .ifPresent(reason -> out.append("<p class=\"muted\">")
                        .append(Html.text(reason))
                        .append("</p>"));
        out.append(
                Html.table(List.of("", "Value", "Normalised", "Confidence", "Evidence"), candidates, "No candidates."));
        if (!feature.evidence().isEmpty()) {
            out.append("<ul class=\"evidence\">");
            feature.evidence()
                    .forEach(evidence -> out.append("<li>")
                            .append(Html.code(evidence.evidenceId()))
                            .append(" <q>")
                            .append(Html.text(evidence.quote()))
                            .append("</q> ")
                            .append(source(casePath, evidence, documentNames))
                            .append("</li>"));
            out.append("</ul>");
        }
        return out.append("</section>").toString();
    }

    /**
     * Where the quote was found: a page of a document, with a link that highlights it, or the
     * applicant's own statement on the intake page, which has no document to show.
     */
    private static String source(String casePath, CaseFeature.Evidence evidence, Map<String, String> documentNames) {
        if (evidence.sessionId().isPresent()) {
            return "<span class=\"muted\">stated by the applicant in session "
                    + Html.code(evidence.sessionId().get()) + "</span>";
        }
        String page = casePath + "/documents/" + Html.url(evidence.docId()) + "/pages/" + evidence.pageIndex()
                + "?evidence=" + Html.url(evidence.evidenceId()) + "#evidence";
        return "<span class=\"muted\">" + Html.text(documentNames.getOrDefault(evidence.docId(), evidence.docId()))
                + ", page " + (evidence.pageIndex() + 1) + ", "
                + Html.text(evidence.method())
                + (evidence.ocrConfidence().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                ", OCR %.2f",
                                evidence.ocrConfidence().getAsDouble())
                        : "")
                + "</span> " + Html.link(page, "show on the page");
    }

    /**
     * A document as people know it: the uploaded file's name, or the address it was fetched from.
     * The query of an address is left out: presigned links carry their signature there.
     */
    static String source(Optional<String> source) {
        if (source.isEmpty()) {
            return "(no longer stored)";
        }
        String value = source.get();
        if (value.startsWith("upload:")) {
            return value.substring("upload:".length()) + " (uploaded)";
        }
        int cut = value.length();
        for (char end : new char[] {'?', '#'}) {
            int index = value.indexOf(end);
            cut = index >= 0 ? Math.min(cut, index) : cut;
        }
        return cut < value.length() ? value.substring(0, cut) + "?…" : value;
    }

    static CaseView find(Cases cases, String caseId) {
        return cases.view(caseId)
                .orElseThrow(() -> ApiException.notFound("case_not_found", "There is no case " + caseId + "."));
    }
}
