package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.HttpTestClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewing a case in the console: evidence outlined on the page image, a failed document retried, an erasure noted. */
class CaseReviewPagesTest {
    private static final float A4_WIDTH = PDRectangle.A4.getWidth();
    private static final float A4_HEIGHT = PDRectangle.A4.getHeight();
    private static SignedInConsole console;
    private static TestServerAccess.Running server;
    private static Loopback loopback;
    private static DashboardClient browser;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        console = SignedInConsole.start(dataDirectory, Map.of("KLAREFI_RECONCILE_IDLE_SECONDS", "2"));
        server = console.server();
        browser = console.browser();
        loopback = console.loopback();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void theEvidenceIsOutlinedWhereItsWordsStandOnTheRenderedPdfPage() throws Exception {
        Map<String, String> keys = server.newOrganisation("Acme Review");
        String caseId =
                submit(keys.get("test"), loopback.document("claim.pdf", claimPdf()), "review-" + UUID.randomUUID());
        awaitStatus(keys.get("test"), caseId, "processed");
        String casePage = browser.get("/dashboard/cases/" + caseId).body();
        assertThat(casePage)
                .as("a summary of every feature")
                .contains("<th scope=\"col\">Decision</th>")
                .contains("href=\"#feature-policy_number\"");
        Matcher link = Pattern.compile(
                        "href=\"(/dashboard/cases/[^\"]+\\?evidence=[^\"#]+)#evidence\">show on the page")
                .matcher(casePage.substring(casePage.indexOf("id=\"feature-policy_number\"")));
        assertThat(link.find()).isTrue();

        String page = browser.get(link.group(1).replace("&amp;", "&")).body();

        Matcher image = Pattern.compile(
                        "<img src=\"([^\"]+/pages/0/image)\" alt=\"Image of page 1\"><svg viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")
                .matcher(page);
        assertThat(image.find()).as(page).isTrue();
        assertThat(Float.parseFloat(image.group(2))).isCloseTo(A4_WIDTH, within(1f));
        Matcher box = Pattern.compile(
                        "<rect class=\"evidence-box\" x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"/>")
                .matcher(page);
        assertThat(box.find()).as("the quoted word is outlined").isTrue();
        // "Polisnummer: AB-123456" is the second line, written from 72 pt left and 700 - 16 pt up from the bottom.
        assertThat(Float.parseFloat(box.group(1))).isGreaterThan(72f).isLessThan(300f);
        assertThat(A4_HEIGHT - Float.parseFloat(box.group(2))).isCloseTo(684f + 9f, within(12f));
        assertThat(Float.parseFloat(box.group(3))).isGreaterThan(20f);

        HttpResponse<byte[]> png = getBytes(image.group(1));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage rendered = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(rendered.getWidth()).isLessThanOrEqualTo(1400);
        assertThat((double) rendered.getHeight() / rendered.getWidth()).isCloseTo(A4_HEIGHT / A4_WIDTH, within(0.02));
    }

    @Test
    void aFailedDocumentIsRetriedFromTheCasePageAndProcessedOnce() {
        Map<String, String> keys = server.newOrganisation("Acme Retry");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        String caseId = submit(keys.get("test"), loopback.absentDocument("late.txt"), "retry-" + UUID.randomUUID());
        awaitStatus(keys.get("test"), caseId, "failed");
        String docId = api.get("/api/v1/cases/" + caseId)
                .json()
                .path("documents")
                .get(0)
                .path("doc_id")
                .asText();
        String casePage = "/dashboard/cases/" + caseId;
        String retry = casePage + "/documents/" + docId + "/retry";
        assertThat(browser.get(casePage).body()).contains("1 document failed").contains("action=\"" + retry + "\"");
        loopback.document("absent-late.txt", DashboardPagesTest.CLAIM);

        HttpResponse<String> retried = browser.submit(casePage, retry, List.of());

        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(browser.follow(retried).body()).contains("The document is being processed again.");
        awaitStatus(keys.get("test"), caseId, "processed");
        assertThat(browser.get(casePage).body())
                .doesNotContain("document failed")
                .doesNotContain("action=\"" + retry + "\"")
                .contains("AB-123456");
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> events(api, caseId, docId, "document.processed") == 1);
        assertThat(events(api, caseId, docId, "document.failed")).isEqualTo(1);
        HttpTestClient.Response again = HttpTestClient.local(server.adminPort())
                .bearer(server.adminToken())
                .post("/admin/v1/documents/" + docId + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error().path("code").asText()).isEqualTo("document_not_failed");
    }

    @Test
    void aDocumentErasedFromACaseLeavesANoteOnTheCasePage() {
        Map<String, String> keys = server.newOrganisation("Acme Erased");
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
        String external = "erased-" + UUID.randomUUID();
        String caseId = submit(keys.get("test"), loopback.document("kept.txt", DashboardPagesTest.CLAIM), external);
        submit(keys.get("test"), loopback.document("erased.txt", DashboardPagesTest.CLAIM), external);
        awaitStatus(keys.get("test"), caseId, "processed");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                                        .json()
                                        .path("documents")
                                        .size()
                                == 2
                        && api.get("/api/v1/cases/" + caseId)
                                .json()
                                .path("status")
                                .asText()
                                .equals("processed"));
        String erasedId = api.get("/api/v1/cases/" + caseId)
                .json()
                .path("documents")
                .get(1)
                .path("doc_id")
                .asText();
        JsonNode receipt = api.delete("/api/v1/documents/" + erasedId).json().path("erasure_receipt");

        String page = browser.get("/dashboard/cases/" + caseId).body();

        assertThat(page)
                .contains("Document <code>" + erasedId + "</code> was erased on")
                .contains("erasure " + receipt.path("audit_id").asText());
    }

    private static long events(HttpTestClient api, String caseId, String docId, String type) {
        return api.get("/api/v1/cases/" + caseId + "/events")
                .json()
                .path("events")
                .valueStream()
                .filter(event -> event.path("event_type").asText().equals(type)
                        && event.path("payload").path("doc_id").asText().equals(docId))
                .count();
    }

    private static void awaitStatus(String key, String caseId, String status) {
        HttpTestClient api = HttpTestClient.local(server.port()).bearer(key);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                        .json()
                        .path("status")
                        .asText()
                        .equals(status));
    }

    private static String submit(String key, String url, String externalCaseId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "document_url",
                url,
                "case_type_id",
                "motor_claim",
                "idempotency_key",
                UUID.randomUUID().toString(),
                "external_case_id",
                externalCaseId));
        HttpTestClient.Response accepted =
                HttpTestClient.local(server.port()).bearer(key).post("/api/v1/process", body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("case_id").asText();
    }

    private static HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        String session = browser.cookie("klarefi_session").orElse("");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
                                .header("Cookie", "klarefi_session=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A born-digital A4 claim form, the claim's lines 16 points apart from 700 points up. */
    static byte[] claimPdf() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 700);
                for (String line : DashboardPagesTest.CLAIM.strip().split("\n")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
