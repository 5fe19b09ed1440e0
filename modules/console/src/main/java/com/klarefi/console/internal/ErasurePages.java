package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/** The erasure audit log: what was erased for whom and when, without the erased data. */
final class ErasurePages {
    private static final int LIMIT = 200;
    private final Erasure erasure;
    private final Layout layout;
    private final SignedIn signedIn;

    ErasurePages(Erasure erasure, Layout layout, SignedIn signedIn) {
        this.erasure = erasure;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/erasures", signedIn.page(this::log));
    }

    private void log(ServerRequest request, ServerResponse response, OperatorSession session) {
        Optional<String> orgId = request.query().first("org").asOptional().filter(value -> !value.isBlank());
        List<List<String>> rows = erasure.auditLog(orgId, LIMIT).stream()
                .map(record -> List.of(
                        Html.time(record.erasedAt()),
                        Html.code(record.auditId()),
                        Html.link(Dashboard.PREFIX + "/organisations/" + Html.url(record.orgId()), record.orgId()),
                        Html.text(record.environment()),
                        Html.code(record.docId()),
                        Html.link(Dashboard.PREFIX + "/cases/" + Html.url(record.caseId()), record.caseId()),
                        Html.text(record.sha256().map(hash -> hash.substring(0, Math.min(16, hash.length())) + "...")),
                        record.deletedEvidence() + " / " + record.deletedCandidates() + " / "
                                + record.deletedDecisions(),
                        Html.code(record.requestedByKey())))
                .toList();
        String body = "<p>The newest " + LIMIT + " erasures"
                + orgId.map(id -> " of " + Html.code(id)).orElse("")
                + ". Documents are gone; these records prove what was deleted.</p>"
                + Html.table(
                        List.of(
                                "Erased",
                                "Audit id",
                                "Organisation",
                                "Environment",
                                "Document",
                                "Case",
                                "SHA-256",
                                "Evidence / candidates / decisions",
                                "Requested by key"),
                        rows,
                        "No erasures.");
        layout.page(request, response, session, "erasures", "Erasure log", body);
    }
}
