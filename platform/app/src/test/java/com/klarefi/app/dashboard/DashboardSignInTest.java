package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators' sign-in on the real admin listener: cookies, CSRF, lockout, expiry and sign-out. */
class DashboardSignInTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static TestDatabase database;
    private static TestServerAccess.Running server;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) {
        database = TestDatabase.create();
        server = TestServerAccess.start(database, dataDirectory, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static String newOperator() {
        String email = "ops-" + UUID.randomUUID() + "@example.com";
        server.newOperator(email, PASSWORD);
        return email;
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndOpensThePages() {
        DashboardClient browser = new DashboardClient(server.adminPort());

        HttpResponse<String> signedIn = browser.signIn(newOperator(), PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("klarefi_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/dashboard")
                .doesNotContain("Secure");
        HttpResponse<String> page = browser.get("/dashboard/organisations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Organisations</h1>").doesNotContain("<script");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'")
                .contains("style-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void pagesAndFormsWithoutASessionGoToTheSignInPage() {
        DashboardClient stranger = new DashboardClient(server.adminPort());

        HttpResponse<String> page = stranger.get("/dashboard/organisations");
        HttpResponse<String> form = stranger.post("/dashboard/organisations", List.of(Map.entry("name", "Sneaky")));

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/dashboard/login");
        assertThat(form.statusCode()).isEqualTo(303);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        DashboardClient browser = new DashboardClient(server.adminPort());
        browser.signIn(newOperator(), PASSWORD);
        String name = "Forged " + UUID.randomUUID();

        HttpResponse<String> missing = browser.post("/dashboard/organisations", List.of(Map.entry("name", name)));
        HttpResponse<String> wrong = browser.post(
                "/dashboard/organisations", List.of(Map.entry("name", name), Map.entry("csrf_token", "not-the-token")));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(wrong.body()).contains("did not come from this dashboard");
        assertThat(browser.get("/dashboard/organisations").body()).doesNotContain(name);
    }

    @Test
    void theLoginFormMustComeWithItsOwnCookie() {
        String email = newOperator();
        DashboardClient browser = new DashboardClient(server.adminPort());
        String token = DashboardClient.csrfOf(browser.get("/dashboard/login"));
        browser.forgetCookies();

        HttpResponse<String> forged = browser.post(
                "/dashboard/login",
                List.of(Map.entry("csrf_token", token), Map.entry("email", email), Map.entry("password", PASSWORD)));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("klarefi_session")).isEmpty();
    }

    @Test
    void aLoginCookieAndFormValuePairMadeUpElsewhereIsRefused() {
        String email = newOperator();
        DashboardClient browser = new DashboardClient(server.adminPort());
        String invented = "B".repeat(43);
        browser.setCookie("klarefi_login", invented);

        HttpResponse<String> forged = browser.post(
                "/dashboard/login",
                List.of(Map.entry("csrf_token", invented), Map.entry("email", email), Map.entry("password", PASSWORD)));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("klarefi_session")).isEmpty();
    }

    @Test
    void fiveFailedSignInsLockTheEmailEvenAgainstTheRightPassword() {
        String email = newOperator();
        String bystander = newOperator();
        DashboardClient browser = new DashboardClient(server.adminPort());
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> refused = browser.signIn(email, "wrong password " + attempt);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("The e-mail or the password is wrong.");
        }

        HttpResponse<String> locked = browser.signIn(email, PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed sign-ins");
        assertThat(browser.cookie("klarefi_session")).isEmpty();
        assertThat(new DashboardClient(server.adminPort())
                        .signIn(bystander, PASSWORD)
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void unknownEmailsAreRefusedLikeWrongPasswords() {
        HttpResponse<String> refused = new DashboardClient(server.adminPort()).signIn("nobody@example.com", PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("The e-mail or the password is wrong.");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        DashboardClient browser = new DashboardClient(server.adminPort());
        browser.signIn(newOperator(), PASSWORD);
        String session = browser.cookie("klarefi_session").orElseThrow();

        HttpResponse<String> out = browser.submit("/dashboard/organisations", "/dashboard/logout", List.of());

        assertThat(out.statusCode()).isEqualTo(303);
        DashboardClient replay = new DashboardClient(server.adminPort());
        replay.setCookie("klarefi_session", session);
        assertThat(replay.get("/dashboard/organisations").statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionLeftIdleLongerThanTheTimeoutEnds() {
        DashboardClient browser = new DashboardClient(server.adminPort());
        String email = newOperator();
        browser.signIn(email, PASSWORD);
        assertThat(browser.get("/dashboard/organisations").statusCode()).isEqualTo(200);

        server.execute(
                "UPDATE auth.operator_sessions SET last_seen_at = now() - interval '31 minutes' WHERE operator_id = "
                        + "(SELECT id FROM auth.operators WHERE email = '" + email + "')");

        assertThat(browser.get("/dashboard/organisations").statusCode()).isEqualTo(303);
    }

    @Test
    void dashboardErrorsArePagesWhileTheAdminApiKeepsItsJsonEnvelope() {
        DashboardClient browser = new DashboardClient(server.adminPort());
        browser.signIn(newOperator(), PASSWORD);

        HttpResponse<String> page = browser.get("/dashboard/organisations/org_doesnotexist");
        HttpTestClient.Response api = HttpTestClient.local(server.adminPort())
                .bearer(server.adminToken())
                .get("/admin/v1/organisations/org_doesnotexist");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body())
                .contains("There is no organisation org_doesnotexist.")
                .contains("req_");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).contains("application/json");
        assertThat(api.error().path("request_id").asText()).startsWith("req_");
    }
}
