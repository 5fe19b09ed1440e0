package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.InvalidCaseTypeException;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.api.Processing;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.stream.Collectors;

/** Case types: the list, one definition, and uploading a new or changed definition. */
final class CaseTypePages {
    private static final String SECTION = "case-types";
    private final Processing processing;
    private final Layout layout;
    private final SignedIn signedIn;

    CaseTypePages(Processing processing, Layout layout, SignedIn signedIn) {
        this.processing = processing;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(
                Method.GET,
                "/case-types",
                signedIn.page((request, response, session) -> list(request, response, session, 200, "", "")));
        routes.publicRoute(Method.POST, "/case-types", signedIn.form(this::upload));
        routes.publicRoute(Method.GET, "/case-types/{caseTypeId}", signedIn.page(this::caseType));
    }

    private void list(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            int status,
            String problems,
            String definition) {
        List<List<String>> rows = processing.caseTypes().stream()
                .map(entry -> List.of(
                        Html.link(
                                Dashboard.PREFIX + "/case-types/"
                                        + Html.url(entry.caseType().id()),
                                entry.caseType().id()),
                        Html.text(entry.caseType().name()),
                        Html.text(entry.source()),
                        Integer.toString(entry.caseType().features().size())))
                .toList();
        String body = Html.table(List.of("Id", "Name", "Source", "Features"), rows, "No case types.")
                + "<h2>Upload a definition</h2><p>Choose a JSON file or paste the JSON of a case type (see "
                + "<code>modules/extraction/docs/case-types.md</code>). A definition with the id of an existing case type "
                + "replaces it on every instance.</p>" + problems
                + "<form method=\"post\" action=\"" + Dashboard.PREFIX
                + "/case-types\" class=\"stacked\" enctype=\"multipart/form-data\">"
                + Layout.csrfField(session)
                + "<label for=\"definition_file\">Definition file</label>"
                + "<input id=\"definition_file\" name=\"definition_file\" type=\"file\" accept=\".json,application/json\">"
                + "<label for=\"definition\">or the definition itself (JSON)</label><textarea id=\"definition\" name=\"definition\" rows=\"16\""
                + " spellcheck=\"false\">" + Html.text(definition)
                + "</textarea><button type=\"submit\">Validate and save</button></form>";
        layout.page(request, response, session, status, SECTION, "Case types", body);
    }

    private void upload(ServerRequest request, ServerResponse response, OperatorSession session, Form form) {
        String uploaded = form.raw("definition_file");
        String definition = uploaded.isBlank() ? form.raw("definition") : uploaded;
        try {
            CaseType parsed = CaseTypes.parse(definition);
            processing.putCaseType(parsed.id(), definition);
            Layout.redirect(response, Dashboard.PREFIX + "/case-types/" + Html.url(parsed.id()) + "?done=saved");
        } catch (InvalidCaseTypeException invalid) {
            String problems = "<div class=\"problem\" role=\"alert\"><p>The definition was not saved:</p><ul>"
                    + invalid.problems().stream()
                            .map(problem -> "<li>" + Html.text(problem) + "</li>")
                            .collect(Collectors.joining())
                    + "</ul></div>";
            list(request, response, session, 400, problems, definition);
        }
    }

    private void caseType(ServerRequest request, ServerResponse response, OperatorSession session) {
        String id = request.path().pathParameters().get("caseTypeId");
        CaseTypeDefinition entry = processing
                .caseTypeDefinition(id)
                .orElseThrow(() -> ApiException.notFound("case_type_not_found", "There is no case type " + id + "."));
        CaseType caseType = entry.caseType();
        List<List<String>> features = caseType.features().stream()
                .map(feature -> List.of(
                        Html.code(feature.id()),
                        Html.text(feature.type().wireName()),
                        Html.text(feature.cardinality().wireName()),
                        feature.required() ? "yes" : "no",
                        Html.text(String.join(", ", feature.allLabels())),
                        Html.text(feature.pattern().map(Object::toString))))
                .toList();
        String notice = request.query()
                .first("done")
                .asOptional()
                .filter("saved"::equals)
                .map(done -> Html.notice("The definition was saved."))
                .orElse("");
        String body = notice
                + Html.facts(List.of(
                        Html.fact("Id", Html.code(caseType.id())),
                        Html.fact("Source", Html.text(entry.source())),
                        Html.fact("Locales", Html.text(String.join(", ", caseType.locales())))))
                + "<h2>Features</h2>"
                + Html.table(
                        List.of("Feature", "Type", "Cardinality", "Required", "Labels", "Pattern"),
                        features,
                        "No features.")
                + "<h2>Definition</h2><pre>" + Html.json(entry.definition()) + "</pre>";
        layout.page(request, response, session, SECTION, caseType.name(), body);
    }
}
