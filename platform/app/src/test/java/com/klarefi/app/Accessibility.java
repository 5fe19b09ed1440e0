package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks the browser's current page with axe-core, as installed by {@code scripts/fetch-axe} (which
 * {@code scripts/test} runs). The script is put into the page by the driver, past the page's
 * Content-Security-Policy, which allows no script but the page's own.
 */
public final class Accessibility {
    private static final Path AXE = RepositoryFiles.root().resolve(".tools/node_modules/axe-core/axe.min.js");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {}

    /** Whether axe-core is installed; without it the checks cannot run (say so in the test's output). */
    public static boolean available() {
        return Files.isReadable(AXE);
    }

    /** Fails on any serious or critical violation of the current page; only notes it when axe-core is not installed. */
    public static void assertNoSeriousViolations(WebDriver browser, String page) {
        if (!available()) {
            System.out.println(
                    "accessibility of " + page + " not checked: axe-core is not installed (scripts/fetch-axe)");
            return;
        }
        assertThat(seriousViolations(browser))
                .as("serious accessibility violations on " + page)
                .isEmpty();
    }

    /** The serious and critical violations of the current page, one readable line each. */
    public static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        try {
            script.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(results => done(JSON.stringify(results.violations)))
                   .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}])));
                """);
        List<String> blocking = new ArrayList<>();
        for (JsonNode violation : Json.read(String.valueOf(result))) {
            if (BLOCKING.contains(violation.path("impact").asText())) {
                List<String> targets = new ArrayList<>();
                violation
                        .path("nodes")
                        .forEach(node -> targets.add(node.path("target").toString()));
                blocking.add(violation.path("impact").asText() + " "
                        + violation.path("id").asText() + ": "
                        + violation.path("help").asText() + " at " + targets);
            }
        }
        return blocking;
    }
}
