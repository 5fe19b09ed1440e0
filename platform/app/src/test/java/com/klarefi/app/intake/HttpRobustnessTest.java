package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clients, proxies and attackers on the internet send that a JSON client library never does,
 * over raw sockets: old protocol versions, broken framing, control characters and oversized bodies.
 */
class HttpRobustnessTest {
    @TempDir
    static Path dataDirectory;

    private static TestDatabase database;
    private static TestServerAccess.Running server;
    private static String key;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        server = TestServerAccess.start(
                database,
                dataDirectory,
                Map.of(
                        "KLAREFI_RATE_LIMIT_PER_MINUTE",
                        "100000",
                        "KLAREFI_HTTP_MAX_JSON_BYTES",
                        "65536",
                        "KLAREFI_HTTP_MAX_BODY_BYTES",
                        "1048576",
                        "KLAREFI_HTTP_HEADER_TIMEOUT_SECONDS",
                        "2",
                        "KLAREFI_HTTP_IDLE_TIMEOUT_SECONDS",
                        "3",
                        "KLAREFI_HTTP_BODY_TIMEOUT_SECONDS",
                        "2",
                        "KLAREFI_HTTP_BODY_MIN_BYTES_PER_SECOND",
                        "100"));
        key = server.newOrganisation("Robust BV").get("test");
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void anHttp10RequestIsToldTheVersionIsNotSupportedNotThatTheServerFailed() throws IOException {
        String answer = exchange("GET /api/v1/health HTTP/1.0\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 505 ")
                .contains("\"http_version_not_supported\"")
                .contains("proxy_http_version 1.1");
    }

    @Test
    void aMalformedChunkSizeIsABadRequest() throws IOException {
        String answer = exchange(
                "POST /api/v1/process HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void controlCharactersInIdentifiersAreAValidationError() throws IOException {
        for (String field : new String[] {"external_case_id", "trace_id", "case_type_id"}) {
            for (String escape : new String[] {"\\u0000", "\\u0007", "\\n"}) {
                String body = "{\"document_url\":\"https://example.org/a.pdf\",\"case_type_id\":\"motor_claim\","
                        + "\"idempotency_key\":\"k-" + System.nanoTime() + "\"," + "\"" + field + "\":\"a" + escape
                        + "b\"}";
                String answer = exchange(post("/api/v1/process", body));

                assertThat(answer)
                        .as("%s with %s", field, escape)
                        .startsWith("HTTP/1.1 400 ")
                        .contains("\"validation_error\"");
            }
        }
    }

    @Test
    void anOversizedBodyGetsOne413AndTheConnectionClosed() throws IOException {
        String smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
        String body = "{\"pad\":\"" + "x".repeat(70_000) + "\"}" + smuggled;
        String answer = exchange(post("/api/v1/process", body));

        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer.split("HTTP/1\\.1 ", -1))
                .as("responses on the connection")
                .hasSize(2);
    }

    @Test
    void headOnAGetRouteIsItsStatusAndHeadersWithoutABodyAndTheConnectionStaysInStep() throws IOException {
        for (String path : new String[] {"/api/v1/health", "/api/v1/me", "/api/v1/openapi.json", "/api/v1/docs"}) {
            String get = exchange(request("GET", path) + request("GET", "/api/v1/health"));
            String head = exchange(request("HEAD", path) + request("GET", "/api/v1/health"));

            String[] getResponses = get.split("(?=HTTP/1\\.1 )");
            String[] headResponses = head.split("(?=HTTP/1\\.1 )");
            assertThat(headResponses)
                    .as("responses to HEAD %s then GET on one connection", path)
                    .hasSize(2);
            assertThat(headResponses[0])
                    .as("HEAD %s", path)
                    .startsWith("HTTP/1.1 200 ")
                    .endsWith("\r\n\r\n");
            assertThat(header(headResponses[0], "content-type")).isEqualTo(header(getResponses[0], "content-type"));
            assertThat(header(headResponses[0], "content-length")).isIn(header(getResponses[0], "content-length"), "");
            assertThat(headResponses[1])
                    .as("the GET after HEAD %s", path)
                    .startsWith("HTTP/1.1 200 ")
                    .contains("\"status\"");
        }
    }

    @Test
    void headOnAProtectedRouteWithoutAKeyIsRefusedWithoutABody() throws IOException {
        String head = exchange("HEAD /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n" + request("GET", "/api/v1/health"));

        String[] responses = head.split("(?=HTTP/1\\.1 )");
        assertThat(responses).hasSize(2);
        assertThat(responses[0]).startsWith("HTTP/1.1 401 ").endsWith("\r\n\r\n");
    }

    @Test
    void aClientThatStopsSendingItsHeadersLosesTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
            socket.getOutputStream()
                    .write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            assertThat(readUntilClosed(socket.getInputStream())).doesNotContain("\"status\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
            socket.getOutputStream().write(request("GET", "/api/v1/health").getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            assertThat(readUntilClosed(socket.getInputStream())).startsWith("HTTP/1.1 200 ");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void anUploadWithABogusTokenIsRefusedBeforeItsBodyIsSent() throws IOException {
        String refusal = answerBeforeTheBody(
                "POST /s/ses_00000000000000000000000000/documents?token=bogus HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\n");

        assertThat(refusal).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void anApiUploadWithABogusKeyIsRefusedBeforeItsBodyIsSent() throws IOException {
        String refusal = answerBeforeTheBody(
                "POST /api/v1/process HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer kf_test_bogus\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"document_url\":\"");

        assertThat(refusal).startsWith("HTTP/1.1 401 ");
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsAnswered413AndClosedWithoutWaitingForIt() throws IOException {
        String refusal = answerBeforeTheBody("POST /api/v1/process HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"document_url\":\"");

        assertThat(refusal).startsWith("HTTP/1.1 413 ").containsIgnoringCase("connection: close");
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408AndTheConnectionClosed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
            socket.getOutputStream()
                    .write(("POST /api/v1/process HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"document_url\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            String answer = readUntilClosed(socket.getInputStream());

            assertThat(answer)
                    .startsWith("HTTP/1.1 408 ")
                    .contains("\"request_timeout\"")
                    .containsIgnoringCase("connection: close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** Slowloris on the body: every byte comes well within any per-read timeout, the whole far too slowly. */
    @Test
    void aBodyTrickledSlowerThanTheMinimumRateIsAnswered408AndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/process HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                            + "\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            // the slow client itself: one byte every 100 ms, paced by a scheduler rather than a sleeping loop
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(' ');
                            out.flush();
                        } catch (IOException closed) {
                            throw new UncheckedIOException(closed); // the server closed the connection: stop
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
            try {
                String answer = readUntilClosed(socket.getInputStream());

                assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"request_timeout\"");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            } finally {
                trickle.shutdownNow();
            }
        }
    }

    /** Sends headers that announce a large body and only its first bytes; what the server answers before the rest, then closes. */
    private static String answerBeforeTheBody(String headersAndStart) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            socket.getOutputStream().write(headersAndStart.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer)
                    .as("the answer, with the connection closed, before the body was sent")
                    .isNotEmpty();
            return answer;
        }
    }

    /** Everything the server sends until it closes the connection; a read timeout fails the test. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            // closed by a reset: what arrived is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static String request(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n";
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static String post(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    /** Sends the bytes and reads until the server closes the connection or stays silent for two seconds. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(2).toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it has read everything
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | SocketException silentOrReset) {
                // what arrived is the answer
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
