package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/sessions and the applicant's page over HTTP, through the real server and jobs. */
class SessionsApiTest {
    private static final String CLAIM = """
            Schadeformulier motorrijtuigen

            Schadedatum: 3 februari 2023
            Kenteken: GV-123-K
            Polisnummer: AB-123456
            Naam verzekeringnemer: Jan de Vries
            """;
    private static ApiInstance instance;
    private static HttpTestClient api;
    private static HttpTestClient otherOrganisation;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        instance = ApiInstance.start(dataDirectory, Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "100000"));
        api = instance.newOrganisation("Acme").test();
        otherOrganisation = instance.newOrganisation("Other").test();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void aSessionComesWithASignedUrlAnExpiryAndARedirectSnippet() {
        Instant before = Instant.now();
        JsonNode created =
                create(Map.of("return_url", "https://customer.example/done")).json();

        String sessionId = created.path("session_id").asText();
        assertThat(UUID.fromString(sessionId)).isNotNull();
        assertThat(created.path("signed_url").asText())
                .matches("http://127\\.0\\.0\\.1:8080/s/" + sessionId + "\\?token=[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(created.path("expires_at").asText()))
                .isBetween(
                        before.plus(Duration.ofHours(168)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(168)));
        assertThat(created.path("snippet").asText())
                .isEqualTo("<script>window.location.href=\""
                        + created.path("signed_url").asText() + "\";</script>");
        assertThat(created.path("idempotent_replay").asBoolean()).isFalse();
        assertThat(created.path("case_id").asText()).startsWith("case_");
    }

    @Test
    void theSameKeyReplaysTheSessionAndADifferentBodyIsRefused() {
        Map<String, Object> body = body(Map.of("ttl_hours", 24, "locale", "en"));

        HttpTestClient.Response first = api.post("/api/v1/sessions", body);
        HttpTestClient.Response again = api.post("/api/v1/sessions", body);
        body.put("ttl_hours", 25);
        HttpTestClient.Response changed = api.post("/api/v1/sessions", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("idempotent_replay").asBoolean()).isTrue();
        assertThat(again.json().path("session_id")).isEqualTo(first.json().path("session_id"));
        assertThat(again.json().path("signed_url")).isEqualTo(first.json().path("signed_url"));
        assertThat(changed.status()).isEqualTo(422);
    }

    @Test
    void invalidRequestsAreRefusedWithACodeThatNamesTheField() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("invalid_ttl_hours", Map.of("ttl_hours", 0));
        cases.put("invalid_ttl_hours ", Map.of("ttl_hours", 721));
        cases.put("invalid_ttl_hours  ", Map.of("ttl_hours", 1.5));
        cases.put("invalid_return_url", Map.of("return_url", "/relative/path"));
        cases.put("invalid_return_url ", Map.of("return_url", "javascript:alert(1)"));
        cases.put("unsupported_locale", Map.of("locale", "de"));
        cases.put("unknown_case_type", Map.of("case_type_id", "no_such_type"));
        cases.put("unknown_parameter", Map.of("webhook_url", "https://example.com"));
        cases.forEach((code, fields) -> {
            HttpTestClient.Response refused = create(fields);
            assertThat(refused.status()).as(code).isEqualTo(400);
            assertThat(refused.error().path("code").asText())
                    .as(fields.toString())
                    .isEqualTo(code.strip());
        });
    }

    @Test
    void theSessionOpensACaseAndOnlyItsOrganisationSeesIt() {
        JsonNode created =
                create(Map.of("external_case_id", "claim-" + UUID.randomUUID())).json();
        String sessionId = created.path("session_id").asText();

        JsonNode read = api.get("/api/v1/sessions/" + sessionId).json();

        assertThat(read.path("status").asText()).isEqualTo("open");
        assertThat(read.path("locale").asText()).isEqualTo("nl");
        assertThat(read.path("case_id").asText())
                .isEqualTo(created.path("case_id").asText());
        assertThat(api.get("/api/v1/cases/" + read.path("case_id").asText()).status())
                .isEqualTo(200);
        assertThat(otherOrganisation.get("/api/v1/sessions/" + sessionId).status())
                .isEqualTo(404);
    }

    @Test
    void theSignedUrlShowsThePageWithoutAnApiKeyAndWithSecurityHeaders() {
        ApplicantPage page = page(Map.of("locale", "en"));

        HttpResponse<String> shown = page.open();

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(shown.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(shown.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(shown.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(shown.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(shown.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(shown.body())
                .contains("<html lang=\"en\"")
                .contains("Upload documents")
                .contains("Registration")
                .doesNotContain("<script>");
    }

    @Test
    void aTamperedOrUnknownLinkIsForbiddenAndSaysSoInHtml() {
        ApplicantPage page = page(Map.of());
        String tampered = page.pageUrl().substring(0, page.pageUrl().length() - 1)
                + (page.pageUrl().endsWith("A") ? "B" : "A");
        String unknown = page.pageUrl().replaceFirst("/s/[^?]+", "/s/" + UUID.randomUUID());

        for (String url : List.of(tampered, unknown, page.pageUrl().replaceFirst("\\?token=.*", ""))) {
            HttpTestClient.Response refused = new HttpTestClient(url.replaceFirst("(http://[^/]+).*", "$1"))
                    .send(
                            "GET",
                            url.replaceFirst("http://[^/]+", ""),
                            null,
                            Map.of("Accept-Language", "nl-NL,nl;q=0.9"));
            assertThat(refused.status()).as(url).isEqualTo(403);
            assertThat(refused.body()).contains("Deze link is niet geldig");
        }
    }

    @Test
    void aTamperedLinkOfADutchSessionIsRefusedInDutchWhateverTheBrowserPrefers() {
        ApplicantPage page = page(Map.of("locale", "nl"));
        String tampered = page.pageUrl().substring(0, page.pageUrl().length() - 1)
                + (page.pageUrl().endsWith("A") ? "B" : "A");

        HttpTestClient.Response refused = new HttpTestClient(tampered.replaceFirst("(http://[^/]+).*", "$1"))
                .send(
                        "GET",
                        tampered.replaceFirst("http://[^/]+", ""),
                        null,
                        Map.of("Accept-Language", "en-GB,en;q=0.9"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("<html lang=\"nl\"").contains("Deze link is niet geldig");
    }

    @Test
    void finishingWithoutAReadDocumentIsRefusedUntilTheApplicantSaysTheyHaveNone() {
        ApplicantPage page = page(Map.of("locale", "en"));
        page.open();

        HttpResponse<String> refused = page.submit("/complete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("&unfinished=1#finish-title");
        assertThat(page.get(refused.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("We have not read any document of yours yet")
                .contains("role=\"alert\"");
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(page))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("open");

        HttpResponse<String> finished = page.submit("/complete", Map.of("no_documents", "yes"));

        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).contains("received without documents");
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(page))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void aSaveWithAnUnreadableValueKeepsTheOthersAndMarksTheOneBesideItsField() {
        JsonNode created = create(Map.of("locale", "en")).json();
        ApplicantPage page = new ApplicantPage(created.path("signed_url").asText(), instance.port());
        page.open();

        HttpResponse<String> partly = page.submit(
                "/statements", Map.of("value.incident_date", "sometime last week", "value.license_plate", "GV-123-K"));

        assertThat(partly.statusCode()).isEqualTo(400);
        assertThat(partly.body())
                .contains("Your other corrections were saved")
                .containsPattern("<div class=\"field source-[a-z]+ invalid\"><label for=\"value-incident_date\"")
                .contains("value=\"sometime last week\"");
        assertThat(value(created.path("case_id").asText(), "license_plate")).isEqualTo("GV-123-K");
    }

    @Test
    void aFormWithoutTheCookiesCsrfValueIsRefused() {
        ApplicantPage page = page(Map.of());
        page.open();

        HttpResponse<String> refused = page.post("/complete", Map.of("csrf", "forged"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(page))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("open");
    }

    @Test
    void aCookieAndFormValuePairMadeUpByAnotherSiteIsRefused() {
        ApplicantPage page = page(Map.of());
        page.open();
        String invented = "A".repeat(43);
        page.useCsrfPair("klarefi_intake_csrf=" + invented, invented);

        HttpResponse<String> refused = page.submit("/complete", Map.of("no_documents", "yes"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(page))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("open");
    }

    @Test
    void theCsrfPairOfAnotherSessionsPageIsRefused() {
        ApplicantPage mine = page(Map.of());
        mine.open();
        ApplicantPage target = page(Map.of());
        target.open();
        String[] minePair = mine.csrfPair();
        target.useCsrfPair(minePair[0], minePair[1]);

        HttpResponse<String> refused = target.submit("/complete", Map.of("no_documents", "yes"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(target))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("open");
    }

    @Test
    void anUploadIsReadAndACorrectionJoinsTheFeatureAsTheApplicantsStatement() {
        JsonNode created = create(Map.of()).json();
        ApplicantPage page = new ApplicantPage(created.path("signed_url").asText(), instance.port());
        page.open();

        HttpResponse<String> uploaded = page.upload("claim.txt", CLAIM.getBytes(StandardCharsets.UTF_8), true);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String caseId = created.path("case_id").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !Json.read(page.status().body()).path("reading").asBoolean(true));
        assertThat(value(caseId, "incident_date")).isEqualTo("2023-02-03");
        page.open();

        HttpResponse<String> corrected = page.submit("/statements", Map.of("value.incident_date", "4 februari 2023"));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(303);
        JsonNode feature =
                api.get("/api/v1/cases/" + caseId).json().path("features").path("incident_date");
        assertThat(value(caseId, "incident_date")).isEqualTo("2023-02-04");
        assertThat(feature.path("candidates").toString()).contains("2023-02-03").contains("2023-02-04");
        JsonNode statement =
                feature.path("evidence").get(feature.path("evidence").size() - 1);
        assertThat(statement.path("method").asText()).isEqualTo("applicant_statement");
        assertThat(statement.path("session_id").asText())
                .isEqualTo(created.path("session_id").asText());
        assertThat(statement.path("quote").asText()).isEqualTo("4 februari 2023");

        page.upload("claim-again.txt", CLAIM.getBytes(StandardCharsets.UTF_8), true);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                                .json()
                                .path("documents")
                                .valueStream()
                                .filter(document ->
                                        document.path("status").asText().equals("processed"))
                                .count()
                        == 2);
        assertThat(value(caseId, "incident_date"))
                .as("a statement survives the next document")
                .isEqualTo("2023-02-04");
    }

    @Test
    void clearingAValueFoundInTheDocumentsRecordsThatThereIsNone() {
        JsonNode created = create(Map.of("locale", "en")).json();
        ApplicantPage page = new ApplicantPage(created.path("signed_url").asText(), instance.port());
        page.open();
        page.upload("claim.txt", CLAIM.getBytes(StandardCharsets.UTF_8), true);
        String caseId = created.path("case_id").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> value(caseId, "policy_number").equals("AB-123456"));
        assertThat(page.open().body()).contains("value=\"3 February 2023\"");

        HttpResponse<String> cleared =
                page.submit("/statements", Map.of("value.policy_number", "", "value.incident_date", "3 February 2023"));

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(303);
        JsonNode decision = api.get("/api/v1/cases/" + caseId)
                .json()
                .path("features")
                .path("policy_number")
                .path("decision");
        assertThat(decision.path("decision").asText()).isEqualTo("missing");
        assertThat(value(caseId, "policy_number")).isEqualTo("(none)");
        assertThat(value(caseId, "incident_date"))
                .as("an unchanged value shown in words is no correction")
                .isEqualTo("2023-02-03");
        assertThat(page.open().body()).contains("you stated there is none");
    }

    @Test
    void anUnreadableCorrectionIsShownAgainWithoutBeingStored() {
        ApplicantPage page = page(Map.of("locale", "en"));
        page.open();

        HttpResponse<String> refused = page.submit("/statements", Map.of("value.incident_date", "sometime last week"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("We could not read this").contains("sometime last week");
    }

    @Test
    void aFileOfAnUnsupportedKindIsRefusedAtOnce() {
        ApplicantPage page = page(Map.of("locale", "en"));
        page.open();

        HttpResponse<String> refused = page.upload(
                "page.html", "<!doctype html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), true);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.read(refused.body())
                        .path("refused")
                        .get(0)
                        .path("message")
                        .asText())
                .contains("cannot read this kind");
        assertThat(api.get("/api/v1/sessions/" + sessionIdOf(page)).json().path("document_ids"))
                .isEmpty();
    }

    @Test
    void finishingRedirectsToTheReturnUrlReportsTheCaseAndEndsTheLink() {
        JsonNode created = create(Map.of("return_url", "https://customer.example/done?step=3"))
                .json();
        ApplicantPage page = new ApplicantPage(created.path("signed_url").asText(), instance.port());
        page.open();

        HttpResponse<String> finished = page.submit("/complete", Map.of("no_documents", "yes"));

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(finished.headers().firstValue("Location"))
                .contains("https://customer.example/done?step=3&session_id="
                        + created.path("session_id").asText());
        assertThat(api.get("/api/v1/sessions/" + created.path("session_id").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(eventTypes(created.path("case_id").asText())).contains("session.completed");
        HttpResponse<String> again = page.open();
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Deze aanvraag is gesloten");
    }

    @Test
    void anExpiredLinkIsGoneAndTheSessionReadsAsExpired() {
        ApplicantPage page = page(Map.of("locale", "en"));
        String sessionId = sessionIdOf(page);
        instance.database()
                .execute("UPDATE intake.sessions SET expires_at = now() - interval '1 minute' WHERE id = '" + sessionId
                        + "'");

        HttpResponse<String> gone = page.open();

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("This link has expired");
        assertThat(api.get("/api/v1/sessions/" + sessionId)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("expired");
    }

    @Test
    void aCancelledSessionsLinkIsGoneAndCannotBeCancelledTwice() {
        ApplicantPage page = page(Map.of());
        String sessionId = sessionIdOf(page);

        HttpTestClient.Response cancelled = api.post("/api/v1/sessions/" + sessionId + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(page.open().statusCode()).isEqualTo(410);
        assertThat(api.post("/api/v1/sessions/" + sessionId + "/cancel", Map.of())
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("session_not_open");
    }

    @Test
    void unknownPagesAreHtmlWhileUnknownApiRoutesKeepTheEnvelope() {
        HttpTestClient anonymous = HttpTestClient.local(instance.port());

        HttpTestClient.Response page = anonymous.get("/s/x/y/z");
        HttpTestClient.Response endpoint = anonymous.get("/api/v1/nothing-here");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(endpoint.status()).isEqualTo(404);
        assertThat(endpoint.error().path("code").asText()).isEqualTo("route_not_found");
    }

    private static ApplicantPage page(Map<String, Object> fields) {
        return new ApplicantPage(create(fields).json().path("signed_url").asText(), instance.port());
    }

    private static String sessionIdOf(ApplicantPage page) {
        return URI.create(page.pageUrl()).getPath().substring("/s/".length());
    }

    private static HttpTestClient.Response create(Map<String, Object> fields) {
        return api.post("/api/v1/sessions", body(fields));
    }

    private static Map<String, Object> body(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case_type_id", "motor_claim");
        body.put("idempotency_key", UUID.randomUUID().toString());
        body.putAll(fields);
        return body;
    }

    private static List<String> eventTypes(String caseId) {
        return api.get("/api/v1/cases/" + caseId + "/events")
                .json()
                .path("events")
                .valueStream()
                .map(event -> event.path("event_type").asText())
                .toList();
    }

    private static String value(String caseId, String featureId) {
        JsonNode feature =
                api.get("/api/v1/cases/" + caseId).json().path("features").path(featureId);
        String selected = feature.path("decision").path("selected_candidate_id").asText();
        return feature.path("candidates")
                .valueStream()
                .filter(candidate -> candidate.path("candidate_id").asText().equals(selected))
                .map(candidate -> candidate.path("value_normalized").asText())
                .findFirst()
                .orElse("(none)");
    }
}
