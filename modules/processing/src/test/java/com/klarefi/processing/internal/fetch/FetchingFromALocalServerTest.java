package com.klarefi.processing.internal.fetch;

import static com.klarefi.processing.internal.fetch.FetchFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against a server on 127.0.0.1, which the operator's allow list permits here. */
class FetchingFromALocalServerTest {
    private static final byte[] DOCUMENT = "%PDF-1.4 a small document".getBytes(StandardCharsets.US_ASCII);
    private static final int LIMIT = 1000;

    private final CountDownLatch releaseStalledResponses = new CountDownLatch(1);
    private HttpServer server;
    private String base;
    private DocumentFetcher fetcher;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/doc.pdf", exchange -> respond(exchange, 200, DOCUMENT, "application/pdf"));
        server.createContext(
                "/host",
                exchange -> respond(
                        exchange,
                        200,
                        exchange.getRequestHeaders().getFirst("Host").getBytes(StandardCharsets.UTF_8),
                        "text/plain"));
        server.createContext("/missing", exchange -> respond(exchange, 404, new byte[0], null));
        server.createContext("/busy", exchange -> respond(exchange, 503, new byte[0], null));
        server.createContext("/moved", exchange -> redirect(exchange, "/doc.pdf"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://metadata.test/latest/"));
        server.createContext("/big-declared", exchange -> respond(exchange, 200, new byte[LIMIT + 1], null));
        server.createContext("/big-streamed", this::streamWithoutLength);
        server.createContext("/stall", this::stall);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        fetcher = Fetchers.create(settings(List.of("127.0.0.0/8")), FetchingFromALocalServerTest::resolve);
    }

    @AfterEach
    void stopServer() {
        releaseStalledResponses.countDown();
        server.stop(0);
    }

    @Test
    void fetchesTheBytesStatusAndDeclaredContentType() {
        FetchedDocument document = fetcher.fetch(base + "/doc.pdf");

        assertThat(document.content()).isEqualTo(DOCUMENT);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.declaredContentType()).contains("application/pdf");
        assertThat(document.finalUrl()).isEqualTo(URI.create(base + "/doc.pdf"));
    }

    @Test
    void connectsToTheCheckedAddressWhileSendingTheUrlsHostName() {
        String url = "http://docs.test:" + server.getAddress().getPort() + "/host";

        FetchedDocument document = fetcher.fetch(url);

        assertThat(new String(document.content(), StandardCharsets.UTF_8))
                .isEqualTo("docs.test:" + server.getAddress().getPort());
    }

    @Test
    void fetchesFromAnIpv6LiteralUrl() throws IOException {
        HttpServer ipv6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), 0), 0);
        ipv6.createContext("/doc.pdf", exchange -> respond(exchange, 200, DOCUMENT, "application/pdf"));
        ipv6.start();
        try {
            DocumentFetcher allowingIpv6Loopback = Fetchers.create(settings(List.of("::1/128")));

            FetchedDocument document = allowingIpv6Loopback.fetch(
                    "http://[::1]:" + ipv6.getAddress().getPort() + "/doc.pdf");

            assertThat(document.content()).isEqualTo(DOCUMENT);
        } finally {
            ipv6.stop(0);
        }
    }

    @Test
    void followsARedirectAndReportsTheFinalUrl() {
        FetchedDocument document = fetcher.fetch(base + "/moved");

        assertThat(document.content()).isEqualTo(DOCUMENT);
        assertThat(document.finalUrl()).isEqualTo(URI.create(base + "/doc.pdf"));
    }

    @Test
    void checksEveryRedirectHopAgainstThePolicy() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/to-metadata"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(failure.getMessage()).contains("link-local");
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfRedirects() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/loop"));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.getMessage()).contains("redirected more than 5 times");
    }

    @Test
    void reportsAClientErrorAsPermanentWithItsStatus() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/missing"));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.httpStatus()).hasValue(404);
        assertThat(failure.isTransient()).isFalse();
    }

    @Test
    void reportsAServerErrorAsTransient() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/busy"));

        assertThat(failure.httpStatus()).hasValue(503);
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void refusesADocumentWhoseDeclaredLengthExceedsTheLimit() {
        assertThat(failureOf(() -> fetcher.fetch(base + "/big-declared")).code())
                .isEqualTo(Code.TOO_LARGE);
    }

    @Test
    void stopsReadingWhenAStreamWithoutLengthExceedsTheLimit() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/big-streamed"));

        assertThat(failure.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(failure.codeName()).isEqualTo("too_large");
    }

    @Test
    void reportsAServerThatStopsAnsweringAsATransientFailure() {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(base + "/stall"));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void reportsARefusedConnectionAsATransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DocumentFailure failure = failureOf(() -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/"));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void refusesTheLoopbackServerWithoutTheAllowList() {
        DocumentFetcher guarded = Fetchers.create(settings(List.of()));

        DocumentFailure failure = failureOf(() -> guarded.fetch(base + "/doc.pdf"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(failure.getMessage()).contains("loopback");
    }

    private static FetchSettings settings(List<String> allowed) {
        return FetchSettings.from(Settings.of(Map.of(FetchSettings.READ_TIMEOUT, "1")))
                .withAllowedCidrs(allowed)
                .withMaxBytes(LIMIT);
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "docs.test" -> List.of(InetAddress.getByName("127.0.0.1"));
            case "metadata.test" -> List.of(InetAddress.getByName("169.254.169.254"));
            default -> List.of(InetAddress.getAllByName(host));
        };
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        respond(exchange, 302, new byte[0], null);
    }

    private void streamWithoutLength(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 10; i++) {
                out.write(new byte[LIMIT / 4]);
                out.flush();
            }
        } catch (IOException e) {
            // The client hung up once it had enough, which is the point.
        }
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try {
            releaseStalledResponses.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }
}
