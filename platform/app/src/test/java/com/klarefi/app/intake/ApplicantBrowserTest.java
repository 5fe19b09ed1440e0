package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.Accessibility;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.testing.HttpTestClient;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The applicant's whole visit in a real headless Chromium: open the signed URL, upload a PDF and a
 * scan, wait for the values, correct one, finish and land on the customer's return URL. A
 * screenshot of each step goes to {@code platform/app/target/screenshots/}.
 */
class ApplicantBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CORPUS = RepositoryFiles.corpus();
    private static final Path SCREENSHOTS = RepositoryFiles.root().resolve("platform/app/target/screenshots");
    private static final String CORRECTED = "Mirjam van Dijk";

    private static ApiInstance instance;
    private static HttpTestClient api;
    private static HttpServer customer;
    private static WebDriver browser;

    @BeforeAll
    static void start(@TempDir Path dataDirectory, @TempDir Path browserProfile) throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        assumeTrue(
                Files.isDirectory(CORPUS),
                "the development corpus is neither in KLAREFI_CORPUS nor beside the checkout");
        instance = ApiInstance.start(dataDirectory, Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "100000"));
        api = instance.newOrganisation("Acme").test();
        customer = returnPage();
        browser = chromium(browserProfile);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (customer != null) {
            customer.stop(0);
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void anApplicantUploadsDocumentsCorrectsAValueAndReturnsToTheCustomer() throws IOException {
        String returnUrl = "http://127.0.0.1:" + customer.getAddress().getPort() + "/claims/done";
        JsonNode session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "case_type_id",
                                "motor_claim",
                                "locale",
                                "en",
                                "return_url",
                                returnUrl,
                                "idempotency_key",
                                UUID.randomUUID().toString()))
                .json();
        String sessionId = session.path("session_id").asText();
        URI signed = URI.create(session.path("signed_url").asText());

        browser.get("http://127.0.0.1:" + instance.port() + signed.getRawPath() + "?" + signed.getRawQuery());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your documents for this request");
        screenshot("01-opened");
        Accessibility.assertNoSeriousViolations(browser, "the applicant's page");

        browser.findElement(By.id("files"))
                .sendKeys(
                        CORPUS.resolve("dev-0001/completed_form.pdf") + "\n" + CORPUS.resolve("dev-0001/invoice.jpg"));
        until(
                Duration.ofSeconds(30),
                () -> browser.findElements(By.cssSelector("#documents li[data-doc-id]"))
                                .size()
                        == 2);
        screenshot("02-uploaded");

        until(
                Duration.ofSeconds(180),
                () -> browser.findElements(By.cssSelector("#documents li[data-status='processed']"))
                                        .size()
                                == 2
                        && !browser.findElements(By.id("values-form")).isEmpty());
        WebElement name = browser.findElement(By.id("value-claimant_name"));
        screenshot("03-values");
        Accessibility.assertNoSeriousViolations(browser, "the values found");

        name.clear();
        name.sendKeys(CORRECTED);
        browser.findElement(By.id("values-submit")).click();
        until(Duration.ofSeconds(30), () -> browser.getCurrentUrl().contains("saved=1"));
        assertThat(browser.findElement(By.id("value-claimant_name")).getAttribute("value"))
                .isEqualTo(CORRECTED);
        assertThat(browser.findElement(By.id("source-claimant_name")).getText()).isEqualTo("as you stated");
        screenshot("04-corrected");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        screenshot("04-phone-corrected");
        Accessibility.assertNoSeriousViolations(browser, "the applicant's page on a phone");

        browser.findElement(By.id("finish-submit")).click();
        until(Duration.ofSeconds(30), () -> browser.getCurrentUrl().startsWith(returnUrl));
        assertThat(browser.getCurrentUrl()).isEqualTo(returnUrl + "?session_id=" + sessionId);
        screenshot("05-returned");

        assertCaseShowsDocumentsCandidatesAndTheCorrection(
                session.path("case_id").asText(), sessionId);
    }

    private static void assertCaseShowsDocumentsCandidatesAndTheCorrection(String caseId, String sessionId) {
        JsonNode found = api.get("/api/v1/cases/" + caseId).json();
        assertThat(found.path("documents")
                        .valueStream()
                        .map(document -> document.path("status").asText())
                        .toList())
                .containsExactly("processed", "processed");
        List<JsonNode> documentEvidence = found.path("features")
                .valueStream()
                .flatMap(feature -> feature.path("evidence").valueStream())
                .filter(evidence -> evidence.has("doc_id"))
                .toList();
        assertThat(documentEvidence.stream()
                        .map(evidence -> evidence.path("doc_id").asText())
                        .distinct())
                .hasSize(2);
        JsonNode name = found.path("features").path("claimant_name");
        JsonNode selected = name.path("candidates")
                .valueStream()
                .filter(candidate -> candidate
                        .path("candidate_id")
                        .asText()
                        .equals(name.path("decision")
                                .path("selected_candidate_id")
                                .asText()))
                .findFirst()
                .orElseThrow();
        assertThat(selected.path("value_normalized").asText()).isEqualTo(CORRECTED);
        JsonNode statement = name.path("evidence")
                .valueStream()
                .filter(evidence -> evidence.path("evidence_id")
                        .asText()
                        .equals(selected.path("evidence_ids").get(0).asText()))
                .findFirst()
                .orElseThrow();
        assertThat(statement.path("method").asText()).isEqualTo("applicant_statement");
        assertThat(statement.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(api.get("/api/v1/cases/" + caseId + "/events").body()).contains("session.completed");
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1000,1600",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The customer's page the applicant returns to. */
    private static HttpServer returnPage() throws IOException {
        HttpServer returnServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        returnServer.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>Customer</title><h1>Back at the customer</h1>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        returnServer.start();
        return returnServer;
    }

    private static void until(Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String step) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve("applicant-" + step + ".png"), png);
    }
}
