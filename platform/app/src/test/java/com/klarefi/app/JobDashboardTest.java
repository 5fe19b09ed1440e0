package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klarefi.testing.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JobRunr's dashboard as the instance serves it: on the admin host only, and slow to guess passwords at. */
class JobDashboardTest {
    private static final String PASSWORD = "dashboard-password-for-tests";
    private static TestDatabase database;
    private static KlarefiServer server;
    private static int port;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path dataDirectory) {
        database = TestDatabase.create();
        server = TestServers.start(
                database,
                dataDirectory,
                Map.of(
                        "KLAREFI_DASHBOARD_ENABLED",
                        "true",
                        "KLAREFI_DASHBOARD_PORT",
                        "0",
                        "KLAREFI_DASHBOARD_PASSWORD",
                        PASSWORD,
                        "KLAREFI_ADMIN_HOST",
                        "127.0.0.1"));
        port = server.jobDashboardPort().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void itListensOnTheAdminHostAndOnNoOtherAddress() throws IOException {
        Optional<InetAddress> otherAddress = nonLoopbackAddress();
        assumeTrue(otherAddress.isPresent(), "this machine has an address besides loopback");

        try (Socket onLoopback = new Socket("127.0.0.1", port)) {
            assertThat(onLoopback.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> {
                    try (Socket elsewhere = new Socket()) {
                        elsewhere.connect(new InetSocketAddress(otherAddress.get(), port), 2000);
                    }
                })
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void theRightPasswordOpensIt() throws Exception {
        assertThat(get("admin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void afterRepeatedWrongPasswordsEvenTheRightOneWaits() throws Exception {
        // Requests come from 127.0.0.1; other tests of this class sign in from there too, so this one
        // ends by waiting out its lock.
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(get("admin", "guess-" + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = get("admin", PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get("admin", PASSWORD).statusCode() == 200);
    }

    private HttpResponse<String> get(String user, String password) throws IOException, InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dashboard/"))
                        .header("Authorization", "Basic " + credentials)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
    }
}
