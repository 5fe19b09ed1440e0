package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.app.intake.ApplicantPage;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's pages through the real server: what an operator does with keys, webhooks, case types and cases. */
class DashboardPagesTest {
    static final String CLAIM = """
            Schadeformulier motorrijtuigen
            Polisnummer: AB-123456
            Schadedatum: 3 februari 2023
            Kenteken: 12-ABC-3
            IBAN: NL91ABNA0417164300
            """;
    private static final String PASSWORD = "a long enough password";
    private static TestDatabase database;
    private static TestServerAccess.Running server;
    private static Loopback loopback;
    private static DashboardClient browser;
    private static HttpTestClient admin;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        database = TestDatabase.create();
        server = TestServerAccess.start(
                database,
                dataDirectory,
                Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8", "KLAREFI_RATE_LIMIT_PER_MINUTE", "100000"));
        loopback = new Loopback();
        server.newOperator("pages@example.com", PASSWORD);
        browser = new DashboardClient(server.adminPort());
        assertThat(browser.signIn("pages@example.com", PASSWORD).statusCode()).isEqualTo(303);
        admin = HttpTestClient.local(server.adminPort()).bearer(server.adminToken());
    }

    @AfterAll
    static void stop() {
        loopback.close();
        server.close();
        database.close();
    }

    @Test
    void keysAreShownOnceAndCanBeRolledAndRevoked() {
        HttpResponse<String> posted = browser.submit(
                "/dashboard/organisations", "/dashboard/organisations", List.of(Map.entry("name", "Acme Keys")));
        assertThat(posted.statusCode()).isEqualTo(303);
        HttpResponse<String> created = browser.follow(posted);
        assertThat(created.statusCode()).isEqualTo(200);
        String orgId = find("org_[0-9A-Za-z]+", created.body());
        String testKey = find("sk_test_[0-9A-Za-z]{40}", created.body());
        assertThat(created.body()).containsPattern("sk_live_[0-9A-Za-z]{40}");
        HttpResponse<String> reloaded = browser.follow(posted);
        assertThat(reloaded.statusCode())
                .as("a reload shows the keys no more, and makes none")
                .isEqualTo(410);
        assertThat(reloaded.body()).doesNotContain(testKey).doesNotContainPattern("sk_live_[0-9A-Za-z]{40}");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(testKey);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        String orgPage = "/dashboard/organisations/" + orgId;
        assertThat(browser.get(orgPage).body())
                .contains("Acme Keys")
                .doesNotContain(testKey)
                .contains("sk_test_..." + testKey.substring(testKey.length() - 4));
        String keyId = keyIdOf(orgId, "test");

        HttpResponse<String> rolled = browser.follow(
                browser.submit(orgPage, "/dashboard/keys/" + keyId + "/roll", List.of(Map.entry("grace_hours", "0"))));

        assertThat(rolled.statusCode()).isEqualTo(200);
        String newKey = find("sk_test_[0-9A-Za-z]{40}", rolled.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/me").status() == 401);
        HttpTestClient rolledApi = HttpTestClient.local(server.port()).bearer(newKey);
        assertThat(rolledApi.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void revokingAKeyAsksFirstAndSaysAfterwardsThatItWasRevoked() {
        Map<String, String> keys = server.newOrganisation("Acme Revoke");
        String orgPage = "/dashboard/organisations/" + keys.get("org_id");
        String keyId = keyIdOf(keys.get("org_id"), "live");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("live"));
        String confirmPage = "/dashboard/keys/" + keyId + "/revoke";
        assertThat(browser.get(orgPage).body())
                .contains("href=\"" + confirmPage + "\"")
                .doesNotContain("action=\"" + confirmPage + "\"");

        HttpResponse<String> asked = browser.get(confirmPage);

        assertThat(asked.body())
                .contains("is refused at once")
                .contains("action=\"" + confirmPage + "\"")
                .contains("href=\"" + orgPage + "\">Cancel</a>");
        assertThat(api.get("/api/v1/me").status()).as("asking revokes nothing").isEqualTo(200);

        HttpResponse<String> revoked = browser.submit(confirmPage, confirmPage, List.of());

        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(browser.follow(revoked).body())
                .contains("The key was revoked")
                .contains("status-revoked");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/me").status() == 401);
    }

    @Test
    void anEndpointRegisteredOnThePageGetsTheDeliveryOfASubmittedDocumentWhichCanBeResentAndReplayed() {
        Map<String, String> keys = server.newOrganisation("Acme Hooks");
        HttpResponse<String> posted = register(keys.get("org_id"), "test", "document.processed");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        HttpResponse<String> registered = browser.follow(posted);
        assertThat(registered.body()).contains("Signing secret");
        String endpointPage = "/dashboard/webhooks/" + find("whep_[0-9A-Za-z]+", registered.body());

        submit(keys.get("test"), loopback.document("hooks.txt", CLAIM), "hooks-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.get(endpointPage).body().contains("status-succeeded"));
        assertThat(loopback.webhooks()).hasSize(1);
        String deliveryPage = "/dashboard/deliveries/"
                + find(
                        "/dashboard/deliveries/([0-9A-Za-z_]+)",
                        browser.get(endpointPage).body(),
                        1);
        assertThat(browser.get(deliveryPage).body())
                .contains("document.processed")
                .contains("<td>204</td>");

        assertThat(browser.submit(deliveryPage, deliveryPage + "/resend", List.of())
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(30)).until(() -> loopback.webhooks().size() == 2);
        assertThat(browser.submit(
                                endpointPage,
                                endpointPage + "/replay",
                                List.of(Map.entry("since", "2000-01-01T00:00:00Z")))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("done=replayed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> loopback.webhooks().size() == 3);
    }

    @Test
    void anEndpointCanBePausedResumedResubscribedAndGivenANewSecret() {
        Map<String, String> keys = server.newOrganisation("Acme Steering");
        String endpointPage = "/dashboard/webhooks/"
                + find(
                        "whep_[0-9A-Za-z]+",
                        browser.follow(register(keys.get("org_id"), "test", "case.updated"))
                                .body());

        browser.submit(endpointPage, endpointPage + "/pause", List.of());
        assertThat(browser.get(endpointPage).body()).contains("status-paused").contains("paused by an operator");
        browser.submit(endpointPage, endpointPage + "/resume", List.of());
        assertThat(browser.get(endpointPage).body()).contains("status-enabled");
        browser.submit(
                endpointPage,
                endpointPage + "/subscriptions",
                List.of(Map.entry("event_type", "document.failed"), Map.entry("event_type", "document.processed")));
        assertThat(browser.get(endpointPage).body()).contains("document.failed v1, document.processed v1");
        assertThat(browser.get(endpointPage + "/rotate-secret").body()).contains("keeps signing beside it");
        HttpResponse<String> rotated =
                browser.submit(endpointPage + "/rotate-secret", endpointPage + "/rotate-secret", List.of());
        assertThat(rotated.statusCode()).isEqualTo(303);
        assertThat(browser.follow(rotated).body()).contains("Signing secret");
        assertThat(browser.get(endpointPage).body()).containsPattern("Previous secret valid until</dt><dd><time");
    }

    @Test
    void anEndpointTheRulesRefuseIsExplainedOnAPage() {
        Map<String, String> keys = server.newOrganisation("Acme Refused");

        HttpResponse<String> refused = register(keys.get("org_id"), "live", "document.processed");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body())
                .as("the form comes back as it was sent, the problem beside the URL")
                .containsPattern(
                        "id=\"url\"[^>]*value=\"" + Pattern.quote(loopback.hooks()) + "\"[^>]*aria-invalid=\"true\"")
                .contains("<p class=\"field-error\" id=\"url-error\" role=\"alert\">The endpoint URL cannot be used")
                .contains("value=\"claims system\"")
                .contains("value=\"document.processed\" checked")
                .contains("<option value=\"live\" selected>");
    }

    @Test
    void anEndpointWhoseDeliveriesFailShowsAsFailingInTheList() {
        Map<String, String> keys = server.newOrganisation("Acme Failing");
        HttpResponse<String> registered = browser.submit(
                "/dashboard/webhooks",
                "/dashboard/webhooks",
                List.of(
                        Map.entry("org_id", keys.get("org_id")),
                        Map.entry("environment", "test"),
                        Map.entry("url", loopback.failingHooks()),
                        Map.entry("event_type", "document.processed")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(303);

        submit(keys.get("test"), loopback.document("failing.txt", CLAIM), null);

        String list = "/dashboard/webhooks?org=" + keys.get("org_id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.get(list).body().contains("status-failing"));
        assertThat(browser.get(list).body()).doesNotContain("status-enabled").contains("0 of ");
    }

    @Test
    void anInvalidCaseTypeShowsEveryProblemAndAValidOneIsSavedForEveryInstance() {
        HttpResponse<String> invalid = browser.submit(
                "/dashboard/case-types",
                "/dashboard/case-types",
                List.of(Map.entry("definition", "{\"id\": \"broken\", \"features\": [{\"id\": \"x\"}]}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("The definition was not saved")
                .contains("$.")
                .contains("&quot;broken&quot;");
        HttpResponse<String> empty =
                browser.upload("/dashboard/case-types", "/dashboard/case-types", Map.entry("definition_file", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("The definition was not saved");

        ObjectNode definition = (ObjectNode)
                admin.get("/admin/v1/case-types/motor_claim").json().path("definition");
        definition.put("id", "dashboard_claim").put("name", "Claims from the dashboard – ünïcode");
        HttpResponse<String> saved = browser.upload(
                "/dashboard/case-types",
                "/dashboard/case-types",
                Map.entry("definition_file", Json.writeString(definition)));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/dashboard/case-types/dashboard_claim?done=saved");
        assertThat(browser.get(saved.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Claims from the dashboard – ünïcode")
                .contains("policy_number")
                .contains("The definition was saved.");
        assertThat(admin.get("/admin/v1/case-types/dashboard_claim")
                        .json()
                        .path("source")
                        .asText())
                .isEqualTo("admin");
    }

    @Test
    void aCaseFoundByItsExternalIdShowsItsEvidenceHighlightedOnThePageText() {
        Map<String, String> keys = server.newOrganisation("Acme Cases");
        String external = "claim-" + UUID.randomUUID();
        String caseId = submit(keys.get("test"), loopback.document("case.txt", CLAIM), external)
                .path("case_id")
                .asText();
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("processed"));

        assertThat(browser.get("/dashboard/cases?q=" + external).body()).contains("/dashboard/cases/" + caseId);
        String casePage = browser.get("/dashboard/cases/" + caseId).body();
        assertThat(casePage).contains("policy_number").contains("<q>AB-123456</q>");
        String evidenceLink = find("href=\"(/dashboard/cases/[^\"]+\\?evidence=[^\"#]+)", casePage, 1);

        String page = browser.get(evidenceLink.replace("&amp;", "&")).body();

        String quote = find("Evidence <code>[^<]+</code>: <q>([^<]*)</q>", page, 1);
        assertThat(find("<mark id=\"evidence\">([^<]*)</mark>", page, 1))
                .isEqualTo(quote)
                .isNotBlank();
        assertThat(page).contains("Schadeformulier motorrijtuigen");
    }

    @Test
    void aCaseWithAnApplicantsCorrectionShowsTheStatementAsTheApplicantsWords() {
        Map<String, String> keys = server.newOrganisation("Acme Statements");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        JsonNode session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "case_type_id",
                                "motor_claim",
                                "idempotency_key",
                                UUID.randomUUID().toString()))
                .json();
        ApplicantPage applicant = new ApplicantPage(session.path("signed_url").asText(), server.port());
        applicant.open();
        assertThat(applicant
                        .submit("/statements", Map.of("value.policy_number", "AB-654321"))
                        .statusCode())
                .isEqualTo(303);

        HttpResponse<String> casePage =
                browser.get("/dashboard/cases/" + session.path("case_id").asText());

        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body())
                .contains("<q>AB-654321</q>")
                .contains("stated by the applicant")
                .contains(session.path("session_id").asText())
                .doesNotContain("/documents/null");
    }

    @Test
    void aProcessedCaseWithAFailedDocumentSaysSoAndTheFiltersFindIt() {
        Map<String, String> keys = server.newOrganisation("Acme Failures");
        String external = "mixed-" + UUID.randomUUID();
        String caseId = submit(keys.get("test"), loopback.document("mixed.txt", CLAIM), external)
                .path("case_id")
                .asText();
        submit(keys.get("test"), loopback.absentDocument("gone.txt"), external);
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                        .json()
                        .path("documents")
                        .valueStream()
                        .map(document -> document.path("status").asText())
                        .sorted()
                        .toList()
                        .equals(List.of("failed", "processed")));
        String failureCode = api.get("/api/v1/cases/" + caseId)
                .json()
                .path("documents")
                .valueStream()
                .filter(document -> document.path("status").asText().equals("failed"))
                .findFirst()
                .orElseThrow()
                .path("failure_code")
                .asText();
        String org = "&org=" + keys.get("org_id");

        String found = browser.get("/dashboard/cases?q=" + external.substring(0, 20) + "&failed=1" + org)
                .body();

        assertThat(found)
                .contains("/dashboard/cases/" + caseId)
                .contains("status-processed")
                .contains("1 document failed")
                .contains(">Acme Failures</a>");
        assertThat(browser.get("/dashboard/cases?status=processing" + org).body())
                .doesNotContain("/dashboard/cases/" + caseId);
        assertThat(browser.get("/dashboard/cases?review=1" + org).body())
                .contains("id=\"review\" name=\"review\" value=\"1\" checked");
        assertThat(browser.get("/dashboard/cases/" + caseId).body())
                .contains("1 document failed")
                .contains(failureCode)
                .contains(loopback.absentDocument("gone.txt"))
                .contains("/documents/mixed.txt</a>");
        String overview = browser.get("/dashboard/overview").body();
        assertThat(overview)
                .contains("Failures by code")
                .contains("<th scope=\"row\">" + failureCode + "</th>")
                .contains("Job queue")
                .contains("<meter")
                .contains("/dashboard/cases/" + caseId);
    }

    @Test
    void signingInLandsOnTheOverview() {
        assertThat(browser.get("/dashboard").headers().firstValue("Location")).contains("/dashboard/overview");
        assertThat(browser.get("/dashboard/overview").body())
                .contains("<h1>Overview</h1>")
                .contains("aria-current=\"page\">Overview");
    }

    @Test
    void anErasedDocumentAppearsInTheErasureLogWithoutItsContent() {
        Map<String, String> keys = server.newOrganisation("Acme Erasure");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        String docId = submit(keys.get("test"), loopback.document("erase.txt", CLAIM), null)
                .path("doc_id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.delete("/api/v1/documents/" + docId).status() == 200);

        String log =
                browser.get("/dashboard/erasures?org=" + keys.get("org_id")).body();

        assertThat(log).contains(docId).containsPattern("audit_[0-9A-Za-z]+").doesNotContain("AB-123456");
    }

    /** Registers the loopback receiver through the dashboard's form. */
    private static HttpResponse<String> register(String orgId, String environment, String eventType) {
        return browser.submit(
                "/dashboard/webhooks",
                "/dashboard/webhooks",
                List.of(
                        Map.entry("org_id", orgId),
                        Map.entry("environment", environment),
                        Map.entry("url", loopback.hooks()),
                        Map.entry("description", "claims system"),
                        Map.entry("event_type", eventType)));
    }

    private static JsonNode submit(String key, String url, String externalCaseId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "document_url",
                url,
                "case_type_id",
                "motor_claim",
                "idempotency_key",
                UUID.randomUUID().toString()));
        if (externalCaseId != null) {
            body.put("external_case_id", externalCaseId);
        }
        HttpTestClient.Response accepted =
                HttpTestClient.local(server.port()).bearer(key).post("/api/v1/process", body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json();
    }

    private static String keyIdOf(String orgId, String environment) {
        for (JsonNode key :
                admin.get("/admin/v1/organisations/" + orgId + "/keys").json().path("data")) {
            if (key.path("environment").asText().equals(environment)
                    && key.path("status").asText().equals("active")) {
                return key.path("key_id").asText();
            }
        }
        throw new AssertionError("no active " + environment + " key of " + orgId);
    }

    private static String find(String regex, String text) {
        return find(regex, text, 0);
    }

    private static String find(String regex, String text, int group) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ in the page").isTrue();
        return matcher.group(group);
    }
}
