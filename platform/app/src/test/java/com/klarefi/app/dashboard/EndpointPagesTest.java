package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.app.TestServerAccess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One webhook endpoint in the console: a test event, an edit whose mistakes stay in the form, a delete that asks first. */
class EndpointPagesTest {
    private static SignedInConsole console;
    private static TestServerAccess.Running server;
    private static Loopback loopback;
    private static DashboardClient browser;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        console = SignedInConsole.start(dataDirectory, Map.of());
        server = console.server();
        browser = console.browser();
        loopback = console.loopback();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void aTestEventReachesTheReceiverAndTheEndpointPageSaysWhatItAnswered() {
        String endpointPage = registered("Acme Test Send");

        HttpResponse<String> tested = browser.submit(endpointPage, endpointPage + "/test", List.of());

        assertThat(tested.statusCode()).isEqualTo(303);
        assertThat(browser.follow(tested).body())
                .contains("The test event was delivered: the endpoint answered HTTP 204.");
        assertThat(loopback.webhooks()).anySatisfy(body -> assertThat(body).contains("\"type\":\"webhook.test\""));
        assertThat(browser.get(endpointPage).body())
                .as("a test event is no delivery of the endpoint")
                .doesNotContain("webhook.test");
    }

    @Test
    void aRefusedEditKeepsWhatWasTypedWithTheProblemBesideTheUrlAndASavedOneIsUsedFromThen() {
        String endpointPage = registered("Acme Edit");

        HttpResponse<String> refused = browser.submit(
                endpointPage,
                endpointPage,
                List.of(Map.entry("url", "ftp://files.example/hook"), Map.entry("description", "the new receiver")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .containsPattern("id=\"url\"[^>]*value=\"ftp://files.example/hook\"[^>]*aria-invalid=\"true\"")
                .contains("<p class=\"field-error\" id=\"url-error\" role=\"alert\">The endpoint URL cannot be used")
                .contains("value=\"the new receiver\"");
        assertThat(browser.get(endpointPage).body())
                .as("nothing was saved")
                .contains(loopback.hooks())
                .doesNotContain("the new receiver");

        HttpResponse<String> saved = browser.submit(
                endpointPage,
                endpointPage,
                List.of(Map.entry("url", loopback.failingHooks()), Map.entry("description", "the new receiver")));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(browser.follow(saved).body())
                .contains("The endpoint was saved.")
                .contains(loopback.failingHooks())
                .contains("the new receiver");
        HttpResponse<String> tested = browser.follow(browser.submit(endpointPage, endpointPage + "/test", List.of()));
        assertThat(tested.body()).contains("The test event was not delivered: HTTP 500.");
    }

    @Test
    void deletingAnEndpointAsksFirstAndThenRemovesItFromTheList() {
        String endpointPage = registered("Acme Delete");
        assertThat(browser.get(endpointPage).body()).contains("href=\"" + endpointPage + "/delete\"");

        HttpResponse<String> asked = browser.get(endpointPage + "/delete");

        assertThat(asked.body())
                .contains("cannot be undone")
                .contains("action=\"" + endpointPage + "/delete\"")
                .contains("href=\"" + endpointPage + "\">Cancel</a>");
        assertThat(browser.get(endpointPage).statusCode())
                .as("asking deletes nothing")
                .isEqualTo(200);

        HttpResponse<String> deleted = browser.submit(endpointPage + "/delete", endpointPage + "/delete", List.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(browser.follow(deleted).body())
                .contains("The endpoint was deleted.")
                .doesNotContain(endpointPage.substring(endpointPage.lastIndexOf('/') + 1));
        assertThat(browser.get(endpointPage).statusCode()).isEqualTo(404);
    }

    /** A new organisation with the loopback receiver registered through the console; the endpoint's page. */
    private static String registered(String organisation) {
        Map<String, String> keys = server.newOrganisation(organisation);
        HttpResponse<String> posted = browser.submit(
                "/dashboard/webhooks",
                "/dashboard/webhooks",
                List.of(
                        Map.entry("org_id", keys.get("org_id")),
                        Map.entry("environment", "test"),
                        Map.entry("url", loopback.hooks()),
                        Map.entry("description", "claims system"),
                        Map.entry("event_type", "document.processed")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        Matcher id = Pattern.compile("whep_[0-9A-Za-z]+")
                .matcher(browser.follow(posted).body());
        assertThat(id.find()).isTrue();
        return "/dashboard/webhooks/" + id.group();
    }
}
