package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.cases.api.CaseDocument;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where an operator lands: volume and failures of documents, the job queue and webhook attempts
 * (from the service's own metrics, as monitoring sees them), the review load and the latest
 * failed documents of the recently changed cases.
 */
final class OverviewPages {
    static final String SECTION = "overview";
    /** How many recently changed cases the review load and the failures are counted over. */
    static final int RECENT_CASES = 50;

    private final Supplier<String> metrics;
    private final Cases cases;
    private final Layout layout;
    private final SignedIn signedIn;

    OverviewPages(Supplier<String> metrics, Cases cases, Layout layout, SignedIn signedIn) {
        this.metrics = metrics;
        this.cases = cases;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/overview", signedIn.page(this::overview));
    }

    private void overview(ServerRequest request, ServerResponse response, OperatorSession session) {
        MetricSamples samples = MetricSamples.parse(metrics.get());
        List<CaseView> recent = cases.search(CaseSearch.latest(), RECENT_CASES).stream()
                .flatMap(summary -> cases.view(summary.caseId()).stream())
                .toList();
        String body =
                "<p class=\"muted\">Counts of documents and webhook attempts are this instance's since it started; "
                        + "jobs are counted over all instances; the review load and failures over the " + RECENT_CASES
                        + " most recently changed cases.</p>"
                        + "<div class=\"tiles\">"
                        + tile(
                                "Documents",
                                "documents",
                                samples.sumBy("klarefi_documents_total", "outcome"),
                                "No document finished yet.")
                        + tile(
                                "Failures by code",
                                "failures",
                                samples.sumBy("klarefi_documents_total", "detail", "outcome", "failed"),
                                "No document failed.")
                        + tile("Job queue", "jobs", samples.sumBy("klarefi_jobs", "state"), "No jobs.")
                        + tile(
                                "Webhook attempts",
                                "webhooks",
                                samples.sumBy("klarefi_webhook_attempts_total", "outcome"),
                                "No webhook was sent yet.")
                        + tile("Review load", "review", reviewLoad(recent), "Nothing to review.")
                        + "</div><p>" + Html.link(Dashboard.PREFIX + "/cases?review=1", "Cases with a value to review")
                        + " · " + Html.link(Dashboard.PREFIX + "/cases?failed=1", "Cases with a failed document")
                        + "</p>"
                        + "<h2>Recent failures</h2>" + failures(recent);
        layout.page(request, response, session, SECTION, "Overview", body);
    }

    /** A small table with a bar per row, drawn by the browser's own meter element (no script, no style from elsewhere). */
    static String tile(String title, String id, Map<String, Double> counts, String whenEmpty) {
        StringBuilder out = new StringBuilder("<section class=\"tile\" aria-labelledby=\"tile-")
                .append(id)
                .append("\"><h2 id=\"tile-")
                .append(id)
                .append("\">")
                .append(Html.text(title))
                .append("</h2>");
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            return out.append("<p class=\"muted\">")
                    .append(Html.text(whenEmpty))
                    .append("</p></section>")
                    .toString();
        }
        out.append("<table class=\"counts\"><tbody>");
        counts.forEach((label, count) -> out.append("<tr><th scope=\"row\">")
                .append(Html.text(label.isEmpty() ? "-" : label))
                .append("</th><td class=\"number\">")
                .append(number(count))
                .append("</td><td><meter min=\"0\" max=\"")
                .append(number(total))
                .append("\" value=\"")
                .append(number(count))
                .append("\">")
                .append(number(count))
                .append("</meter></td></tr>"));
        return out.append("</tbody></table></section>").toString();
    }

    /** How many features of the recent cases wait for a person: decided {@code review}, or {@code missing}. */
    private static Map<String, Double> reviewLoad(List<CaseView> recent) {
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("review", 0.0);
        load.put("missing", 0.0);
        for (CaseView view : recent) {
            for (CaseFeature feature : view.features()) {
                load.computeIfPresent(feature.decision().outcome(), (outcome, count) -> count + 1);
            }
        }
        return load;
    }

    private static String failures(List<CaseView> recent) {
        List<List<String>> rows = new ArrayList<>();
        for (CaseView view : recent) {
            for (CaseDocument document : view.documents()) {
                if (document.status().equals("failed")) {
                    rows.add(List.of(
                            Html.link(
                                    Dashboard.PREFIX + "/cases/"
                                            + Html.url(view.summary().caseId()),
                                    view.summary().caseId()),
                            Html.code(document.docId()),
                            Html.code(document.failureCode().orElse("")),
                            Html.text(document.failureMessage()),
                            Html.time(view.summary().updatedAt())));
                }
            }
        }
        return Html.table(List.of("Case", "Document", "Code", "Message", "Case updated"), rows, "No failed documents.");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
