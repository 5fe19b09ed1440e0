package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.app.intake.ApplicantPage;
import com.klarefi.testing.HttpTestClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an organisation shows its applicants: set through the admin API or the console (a refused
 * value stays in the form with its problem beside the field), and shown on the intake page.
 */
class OrganisationProfileTest {
    private static SignedInConsole console;
    private static TestServerAccess.Running server;
    private static DashboardClient browser;
    private static HttpTestClient admin;
    private static String adminToken;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        console = SignedInConsole.start(dataDirectory, Map.of());
        server = console.server();
        browser = console.browser();
        adminToken = server.adminToken();
        admin = HttpTestClient.local(server.adminPort()).bearer(adminToken);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void theAdminApiSetsAndClearsTheProfileAndRefusesWhatItCannotShow() throws Exception {
        String orgId = server.newOrganisation("Acme Holding API").get("org_id");
        String path = "/admin/v1/organisations/" + orgId;

        HttpTestClient.Response refused = admin.send(
                "PATCH",
                path,
                "{\"privacy_url\": \"javascript:alert(1)\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("code").asText()).isEqualTo("invalid_privacy_url");
        assertThat(refused.error().path("param").asText()).isEqualTo("privacy_url");

        JsonNode saved = admin.send(
                        "PATCH",
                        path,
                        "{\"display_name\": \"Acme Verzekeringen\", \"privacy_url\": "
                                + "\"https://acme.example/privacy\", \"help_contact\": \"help@acme.example\"}",
                        Map.of("Content-Type", "application/json"))
                .json();
        assertThat(saved.path("display_name").asText()).isEqualTo("Acme Verzekeringen");
        assertThat(saved.path("name").asText()).isEqualTo("Acme Holding API");
        JsonNode cleared = admin.send(
                        "PATCH", path, "{\"help_contact\": null}", Map.of("Content-Type", "application/json"))
                .json();
        assertThat(cleared.has("help_contact")).isFalse();
        assertThat(cleared.path("privacy_url").asText()).as("left out, kept").isEqualTo("https://acme.example/privacy");

        assertThat(putLogo(path + "/logo", "not an image".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> logo = putLogo(path + "/logo", png());
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
        assertThat(admin.get(path).json().path("logo_media_type").asText()).isEqualTo("image/png");
        assertThat(admin.delete(path + "/logo").json().has("logo_media_type")).isFalse();
    }

    @Test
    void aRefusedProfileInTheConsoleKeepsWhatWasTypedAndASavedOneIsShownOnTheIntakePage() throws Exception {
        Map<String, String> keys = server.newOrganisation("Acme Holding");
        String orgPage = "/dashboard/organisations/" + keys.get("org_id");

        HttpResponse<String> refused = browser.multipart(
                orgPage,
                orgPage + "/profile",
                List.of(
                        Map.entry("display_name", "Acme Verzekeringen"),
                        Map.entry("privacy_url", "acme.example/privacy"),
                        Map.entry("help_contact", "+31 20 123 45 67")),
                "logo",
                new byte[0]);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .containsPattern("id=\"privacy_url\"[^>]*value=\"acme.example/privacy\"[^>]*aria-invalid=\"true\"")
                .contains(
                        "<p class=\"field-error\" id=\"privacy_url-error\" role=\"alert\">The privacy note must be a web address")
                .contains("value=\"Acme Verzekeringen\"")
                .contains("value=\"+31 20 123 45 67\"");

        HttpResponse<String> saved = browser.multipart(
                orgPage,
                orgPage + "/profile",
                List.of(
                        Map.entry("display_name", "Acme Verzekeringen"),
                        Map.entry("privacy_url", "https://acme.example/privacy"),
                        Map.entry("help_contact", "+31 20 123 45 67")),
                "logo",
                png());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(browser.follow(saved).body())
                .contains("What applicants see was saved.")
                .contains("<img class=\"logo\" src=\"" + orgPage + "/logo\" alt=\"Logo of Acme Verzekeringen\">");
        assertThat(browser.get(orgPage + "/logo").headers().firstValue("Content-Type"))
                .hasValue("image/png");

        JsonNode session = HttpTestClient.local(server.port())
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
        ApplicantPage applicant = new ApplicantPage(session.path("signed_url").asText(), server.port());
        String page = applicant.open().body();

        assertThat(page)
                .contains("Acme Verzekeringen vraagt om uw documenten.")
                .contains("alt=\"Logo van Acme Verzekeringen\"")
                .contains("href=\"https://acme.example/privacy\"")
                .contains("<a href=\"tel:+31201234567\">+31 20 123 45 67</a>")
                .contains("<p class=\"case-type\">Schadeclaim motorrijtuig</p>")
                .doesNotContain("Acme Holding");
        URI signed = URI.create(session.path("signed_url").asText());
        String logoUrl = "http://127.0.0.1:" + server.port() + signed.getRawPath() + "/logo?" + signed.getRawQuery();
        HttpResponse<byte[]> logo = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(logoUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(png());
        HttpResponse<byte[]> withoutToken = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(logoUrl.substring(0, logoUrl.indexOf('?'))))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(withoutToken.statusCode())
                .as("the logo is for whoever holds the link")
                .isEqualTo(403);
    }

    private static HttpResponse<String> putLogo(String path, byte[] image) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A small PNG, the same bytes each time. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, x < 20 ? 0x0b4f9c : 0xf5a623);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
