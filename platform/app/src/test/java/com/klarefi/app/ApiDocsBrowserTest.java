package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klarefi.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The documentation as an integrator's browser shows it, in a real headless Chromium with no
 * internet: the interactive reference draws every operation, nested schemas and the webhooks from
 * the served document, and the guides fit a phone's width. Screenshots go to
 * {@code platform/app/target/screenshots/}.
 */
class ApiDocsBrowserTest {
    @Test
    void theReferenceDrawsOperationsNestedSchemasAndWebhooksAndTheGuidesFitAPhone(
            @TempDir Path dataDirectory, @TempDir Path profile) throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "Chromium is not installed (apt-get install chromium chromium-driver): skipping the docs' browser test");
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(database, dataDirectory, Map.of())) {
            String base = "http://127.0.0.1:" + server.port() + "/api/v1";
            WebDriver desktop = HeadlessChromium.start(profile.resolve("desktop"), "1280,900");
            try {
                readTheReference(desktop, base);
            } finally {
                desktop.quit();
            }
            WebDriver phone = HeadlessChromium.start(profile.resolve("phone"), "390,844");
            try {
                for (String guide : List.of("api", "webhooks")) {
                    phone.get(base + "/docs/" + guide);
                    assertThat(phone.findElements(By.cssSelector("main table"))).isNotEmpty();
                    assertThat(((Number) script(phone, "return document.documentElement.scrollWidth;")).intValue())
                            .as("the %s guide scrolls sideways on a phone", guide)
                            .isLessThanOrEqualTo(((Number) script(phone, "return window.innerWidth;")).intValue());
                    HeadlessChromium.screenshot(phone, "docs-guide-" + guide + "-phone");
                }
            } finally {
                phone.quit();
            }
        }
    }

    private static void readTheReference(WebDriver browser, String base) throws IOException {
        browser.get(base + "/docs");
        await("the reference to draw")
                .atMost(Duration.ofSeconds(30))
                .until(() -> browser.findElements(By.cssSelector(".opblock")).size() > 10);
        String drawn = browser.findElement(By.id("reference")).getText();
        assertThat(drawn)
                .contains(
                        "/process",
                        "/cases/{case_id}/events",
                        "/webhooks/test",
                        "/sessions",
                        "document.processed",
                        "session.expired");
        HeadlessChromium.screenshot(browser, "docs-reference");

        browser.findElement(By.cssSelector("[id='operations-Cases-getCase'] .opblock-summary"))
                .click();
        await("the case's schema")
                .atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElement(By.id("reference")).getText().contains("evidence"));
        script(
                browser,
                "document.querySelectorAll('.model-box-control, .model-toggle.collapsed')"
                        + ".forEach(function (toggle) { toggle.click(); });");
        await("the nested evidence location")
                .atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElement(By.id("reference")).getText().contains("char_start"));
        HeadlessChromium.screenshot(browser, "docs-reference-nested-schema");
    }

    private static Object script(WebDriver browser, String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }
}
