package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.app.Accessibility;
import com.klarefi.app.HeadlessChromium;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator's first session in a real headless Chromium: sign in, create an organisation and a
 * key, register a webhook endpoint, submit a document through the API, see its delivery, upload a
 * case type file and see the evidence of the case. Screenshots go to {@code platform/app/target/screenshots/}.
 */
class DashboardBrowserTest {

    @Test
    void anOperatorSignsInCreatesAKeyRegistersAnEndpointAndSeesTheDelivery(
            @TempDir Path dataDirectory, @TempDir Path profile) throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "Chromium is not installed (apt-get install chromium chromium-driver): skipping the dashboard's browser test");
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database, dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
                Loopback loopback = new Loopback()) {
            server.newOperator("operator@example.com", "browser test password");
            WebDriver browser = HeadlessChromium.start(profile, "1280,900");
            try {
                walkThrough(browser, server, loopback);
            } finally {
                browser.quit();
            }
        }
    }

    private static void walkThrough(WebDriver browser, TestServerAccess.Running server, Loopback loopback)
            throws IOException {
        String dashboard = "http://127.0.0.1:" + server.adminPort() + "/dashboard";
        browser.get(dashboard + "/organisations");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
        browser.findElement(By.id("email")).sendKeys("operator@example.com");
        browser.findElement(By.id("password")).sendKeys("browser test password");
        HeadlessChromium.screenshot(browser, "01-sign-in");
        clickAndWait(browser, browser.findElement(By.cssSelector("main form button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        HeadlessChromium.screenshot(browser, "01-overview");
        Accessibility.assertNoSeriousViolations(browser, "the overview");
        browser.get(dashboard + "/organisations");
        Accessibility.assertNoSeriousViolations(browser, "the organisations");

        browser.findElement(By.id("name")).sendKeys("Acme Browser");
        clickAndWait(browser, browser.findElement(By.cssSelector("main form button")));
        String testKey =
                browser.findElements(By.cssSelector(".secret-value")).getFirst().getText();
        assertThat(testKey).startsWith("sk_test_");
        HeadlessChromium.screenshot(browser, "02-organisation-created");
        clickAndWait(browser, browser.findElement(By.linkText("Go to the organisation")));
        new Select(browser.findElement(By.id("environment"))).selectByValue("live");
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Create key']")));
        assertThat(browser.findElement(By.cssSelector(".secret-value")).getText())
                .startsWith("sk_live_");
        HeadlessChromium.screenshot(browser, "03-key-created");

        browser.get(dashboard + "/webhooks");
        new Select(browser.findElement(By.id("org_id")))
                .selectByVisibleText(browser.findElement(By.xpath("//option[starts-with(text(), 'Acme Browser')]"))
                        .getText());
        browser.findElement(By.id("url")).sendKeys(loopback.hooks());
        browser.findElement(By.id("event-document-processed")).click();
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Register endpoint']")));
        assertThat(browser.findElement(By.cssSelector(".secret-value")).getText())
                .isNotBlank();
        HeadlessChromium.screenshot(browser, "04-endpoint-registered");
        clickAndWait(browser, browser.findElement(By.linkText("Go to the endpoint")));
        String endpointPage = browser.getCurrentUrl();

        String external = "browser-" + UUID.randomUUID();
        HttpTestClient.Response accepted = HttpTestClient.local(server.port())
                .bearer(testKey)
                .post(
                        "/api/v1/process",
                        Map.of(
                                "document_url",
                                loopback.document("browser.txt", DashboardPagesTest.CLAIM),
                                "case_type_id",
                                "motor_claim",
                                "idempotency_key",
                                UUID.randomUUID().toString(),
                                "external_case_id",
                                external));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.get(endpointPage);
            return !browser.findElements(By.cssSelector(".status-succeeded")).isEmpty();
        });
        browser.get(endpointPage + "#deliveries");
        HeadlessChromium.screenshot(browser, "05-endpoint-with-delivery");
        Accessibility.assertNoSeriousViolations(browser, "an endpoint");
        clickAndWait(browser, browser.findElement(By.cssSelector("a[href^='/dashboard/deliveries/']")));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("document.processed")
                .contains("204");
        HeadlessChromium.screenshot(browser, "06-delivery-attempts");
        assertThat(loopback.webhooks()).hasSize(1);

        uploadCaseType(browser, server, dashboard);

        browser.get(dashboard + "/cases?q=" + external);
        clickAndWait(browser, browser.findElement(By.cssSelector("main table a[href^='/dashboard/cases/']")));
        HeadlessChromium.screenshot(browser, "08-case");
        Accessibility.assertNoSeriousViolations(browser, "a case");
        String casePage = browser.getCurrentUrl();
        browser.findElements(By.linkText("show on the page")).getFirst().click();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> !browser.findElement(By.id("evidence")).getText().isBlank());
        HeadlessChromium.screenshot(browser, "09-evidence-on-the-page");
        Accessibility.assertNoSeriousViolations(browser, "the evidence on the page");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(dashboard + "/webhooks");
        Accessibility.assertNoSeriousViolations(browser, "the webhooks on a phone");
        HeadlessChromium.screenshot(browser, "10-phone-webhooks");
        browser.get(casePage);
        HeadlessChromium.screenshot(browser, "11-phone-case");
    }

    private static void uploadCaseType(WebDriver browser, TestServerAccess.Running server, String dashboard)
            throws IOException {
        ObjectNode definition = (ObjectNode) HttpTestClient.local(server.adminPort())
                .bearer(server.adminToken())
                .get("/admin/v1/case-types/travel_claim")
                .json()
                .path("definition");
        definition.put("id", "browser_claim").put("name", "Claims uploaded in the browser");
        Path file = Files.createTempFile("browser_claim", ".json");
        Files.writeString(file, Json.writeString(definition));
        browser.get(dashboard + "/case-types");
        browser.findElement(By.id("definition_file")).sendKeys(file.toString());
        clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Validate and save']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Claims uploaded in the browser");
        HeadlessChromium.screenshot(browser, "07-case-type-uploaded");
        Files.delete(file);
    }

    /** Clicks something that loads a new page and waits until the old one is gone, so no read races it. */
    static void clickAndWait(WebDriver browser, WebElement target) {
        WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        // Chromium reports a node of an unloaded page either as stale or as "not in the document":
        // both mean the new page has replaced it.
        await("the next page")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        page.isEnabled();
                        return false;
                    } catch (WebDriverException gone) {
                        return true;
                    }
                });
        await("the next page to load")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() ->
                        "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }
}
