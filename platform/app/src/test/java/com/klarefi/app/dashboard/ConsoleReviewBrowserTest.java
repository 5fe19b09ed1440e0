package com.klarefi.app.dashboard;

import static com.klarefi.app.dashboard.DashboardBrowserTest.clickAndWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.Accessibility;
import com.klarefi.app.HeadlessChromium;
import com.klarefi.testing.HttpTestClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An operator reviews in a real headless Chromium, at desktop and phone sizes: sets what applicants
 * see of the organisation (and the applicant's page shows it), tests, edits and deletes a webhook
 * endpoint, reads the evidence outlined on a PDF page and retries a failed document. Every page is
 * checked with axe-core; screenshots go to {@code platform/app/target/screenshots/}.
 */
class ConsoleReviewBrowserTest {
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @Test
    void anOperatorSetsTheProfileManagesAnEndpointAndReviewsACase(
            @TempDir Path dataDirectory, @TempDir Path profile, @TempDir Path files) throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "Chromium is not installed (apt-get install chromium chromium-driver): skipping the console's review browser test");
        try (SignedInConsole console =
                SignedInConsole.start(dataDirectory, Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "100000"))) {
            console.server().newOperator("reviewer@example.com", "browser test password");
            WebDriver browser = HeadlessChromium.start(profile, "1280,900");
            try {
                String dashboard = "http://127.0.0.1:" + console.server().adminPort() + "/dashboard";
                signIn(browser, dashboard);
                Map<String, String> keys = console.server().newOrganisation("Acme Holding");
                organisationProfile(browser, console, dashboard, keys, files);
                endpoint(browser, console, dashboard, keys);
                caseReview(browser, console, dashboard, keys);
            } finally {
                browser.quit();
            }
        }
    }

    private static void signIn(WebDriver browser, String dashboard) {
        browser.get(dashboard + "/login");
        browser.findElement(By.id("email")).sendKeys("reviewer@example.com");
        browser.findElement(By.id("password")).sendKeys("browser test password");
        clickAndWait(browser, browser.findElement(By.cssSelector("main form button")));
    }

    private static void organisationProfile(
            WebDriver browser, SignedInConsole console, String dashboard, Map<String, String> keys, Path files)
            throws Exception {
        browser.get(dashboard + "/organisations/" + keys.get("org_id"));
        Path logo = files.resolve("logo.png");
        Files.write(logo, OrganisationProfileTest.png());
        browser.findElement(By.id("display_name")).sendKeys("Acme Verzekeringen");
        browser.findElement(By.id("privacy_url")).sendKeys("ftp://acme.example/privacy");
        browser.findElement(By.id("help_contact")).sendKeys("+31 20 123 45 67");
        browser.findElement(By.id("logo")).sendKeys(logo.toString());
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Save what applicants see']")));
        assertThat(browser.findElement(By.id("privacy_url-error")).getText())
                .startsWith("The privacy note must be a web address");
        assertThat(browser.findElement(By.id("display_name")).getAttribute("value"))
                .isEqualTo("Acme Verzekeringen");
        HeadlessChromium.screenshot(browser, "12-organisation-profile-refused");
        Accessibility.assertNoSeriousViolations(browser, "a refused organisation profile");

        WebElement privacy = browser.findElement(By.id("privacy_url"));
        privacy.clear();
        privacy.sendKeys("https://acme.example/privacy");
        browser.findElement(By.id("logo")).sendKeys(logo.toString());
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Save what applicants see']")));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("What applicants see was saved.");
        assertThat(browser.findElement(By.cssSelector("img.logo")).getAttribute("naturalWidth"))
                .isEqualTo("40");
        HeadlessChromium.screenshot(browser, "12-organisation-profile");
        Accessibility.assertNoSeriousViolations(browser, "an organisation with its profile");

        JsonNode session = HttpTestClient.local(console.server().port())
                .bearer(keys.get("test"))
                .post(
                        "/api/v1/sessions",
                        Map.of(
                                "case_type_id",
                                "motor_claim",
                                "locale",
                                "nl",
                                "idempotency_key",
                                UUID.randomUUID().toString()))
                .json();
        URI signed = URI.create(session.path("signed_url").asText());
        browser.manage().window().setSize(PHONE);
        browser.get("http://127.0.0.1:" + console.server().port() + signed.getRawPath() + "?" + signed.getRawQuery());
        assertThat(browser.findElement(By.cssSelector("header.organisation")).getText())
                .isEqualTo("Acme Verzekeringen vraagt om uw documenten.");
        assertThat(browser.findElement(By.cssSelector("header.organisation img"))
                        .getAttribute("naturalWidth"))
                .isEqualTo("40");
        assertThat(browser.findElement(By.cssSelector(".case-type")).getText()).isEqualTo("Schadeclaim motorrijtuig");
        assertThat(browser.findElement(By.cssSelector("footer.organisation")).getText())
                .contains("+31 20 123 45 67");
        HeadlessChromium.screenshot(browser, "applicant-05-phone-organisation");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        HeadlessChromium.screenshot(browser, "applicant-06-phone-privacy-and-help");
        Accessibility.assertNoSeriousViolations(
                browser, "the applicant's page with the organisation's profile on a phone");
        browser.manage().window().setSize(DESKTOP);
    }

    private static void endpoint(WebDriver browser, SignedInConsole console, String dashboard, Map<String, String> keys)
            throws IOException {
        HttpTestClient admin = HttpTestClient.local(console.server().adminPort())
                .bearer(console.server().adminToken());
        String endpointId = admin.post(
                        "/admin/v1/webhooks/endpoints",
                        Map.of(
                                "org_id",
                                keys.get("org_id"),
                                "environment",
                                "test",
                                "url",
                                console.loopback().hooks(),
                                "subscriptions",
                                List.of("document.processed")))
                .json()
                .path("id")
                .asText();
        browser.get(dashboard + "/webhooks/" + endpointId);
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Send a test event']")));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .isEqualTo("The test event was delivered: the endpoint answered HTTP 204.");
        HeadlessChromium.screenshot(browser, "13-endpoint-tested");

        WebElement url = browser.findElement(By.id("url"));
        url.clear();
        url.sendKeys("ftp://files.example/hook");
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Save']")));
        assertThat(browser.findElement(By.id("url-error")).getText()).startsWith("The endpoint URL cannot be used");
        assertThat(browser.findElement(By.id("url")).getAttribute("value")).isEqualTo("ftp://files.example/hook");
        HeadlessChromium.screenshot(browser, "14-endpoint-edit-refused");
        Accessibility.assertNoSeriousViolations(browser, "a refused endpoint edit");

        clickAndWait(browser, browser.findElement(By.linkText("Delete…")));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("cannot be undone");
        HeadlessChromium.screenshot(browser, "15-endpoint-delete-confirmation");
        Accessibility.assertNoSeriousViolations(browser, "the endpoint delete confirmation");
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Delete the endpoint']")));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .isEqualTo("The endpoint was deleted.");
    }

    private static void caseReview(
            WebDriver browser, SignedInConsole console, String dashboard, Map<String, String> keys) throws IOException {
        HttpTestClient api = HttpTestClient.local(console.server().port()).bearer(keys.get("test"));
        String external = "browser-review-" + UUID.randomUUID();
        String caseId = submit(api, console.loopback().document("claim.pdf", CaseReviewPagesTest.claimPdf()), external);
        submit(api, console.loopback().absentDocument("photos.txt"), external);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/cases/" + caseId)
                        .json()
                        .path("documents")
                        .valueStream()
                        .map(document -> document.path("status").asText())
                        .sorted()
                        .toList()
                        .equals(List.of("failed", "processed")));

        browser.get(dashboard + "/cases?q=browser-review&failed=1");
        clickAndWait(
                browser, browser.findElement(By.cssSelector("main table a[href='/dashboard/cases/" + caseId + "']")));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("1 document failed");
        HeadlessChromium.screenshot(browser, "16-case-with-failed-document");
        Accessibility.assertNoSeriousViolations(browser, "a case with a failed document");

        browser.findElement(By.cssSelector("#feature-policy_number a[href*='evidence=']"))
                .click();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("rect.evidence-box"))
                                .isEmpty()
                        && !"0"
                                .equals(browser.findElement(By.cssSelector(".page-frame img"))
                                        .getAttribute("naturalWidth")));
        showFigure(browser);
        HeadlessChromium.screenshot(browser, "17-evidence-box-on-the-page");
        Accessibility.assertNoSeriousViolations(browser, "the evidence outlined on the page");
        browser.manage().window().setSize(PHONE);
        browser.navigate().refresh();
        showFigure(browser);
        HeadlessChromium.screenshot(browser, "18-phone-evidence-box");
        Accessibility.assertNoSeriousViolations(browser, "the evidence outlined on the page on a phone");
        browser.manage().window().setSize(DESKTOP);

        console.loopback().document("absent-photos.txt", DashboardPagesTest.CLAIM);
        browser.get(dashboard + "/cases/" + caseId);
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Retry']")));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .isEqualTo("The document is being processed again.");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElement(By.cssSelector("main")).getText().contains("document failed");
        });
        HeadlessChromium.screenshot(browser, "19-case-after-retry");
    }

    /** The link lands on the highlighted page text; the screenshot wants the page image above it. */
    private static void showFigure(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.page-image').scrollIntoView()");
    }

    private static String submit(HttpTestClient api, String url, String external) {
        HttpTestClient.Response accepted = api.post(
                "/api/v1/process",
                Map.of(
                        "document_url",
                        url,
                        "case_type_id",
                        "motor_claim",
                        "idempotency_key",
                        UUID.randomUUID().toString(),
                        "external_case_id",
                        external));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("case_id").asText();
    }
}
