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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classic ways of smuggling an internal address into a URL. The resolver is a stub that only
 * reads address literals and records what it was asked, so no packet leaves the machine; only the
 * operator's 127.0.0.1 is allowed, for the local server the rebinding case needs.
 */
class SsrfVectorsTest {
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private final AtomicInteger rebindAnswers = new AtomicInteger();
    private HttpServer server;
    private int port;
    private DocumentFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/doc.txt", exchange -> {
            byte[] body = "een document".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/again", exchange -> redirect(exchange, "http://rebind.test:" + port + "/doc.txt"));
        server.createContext("/to-decimal", exchange -> redirect(exchange, "http://2130706434/"));
        server.createContext("/to-mapped", exchange -> redirect(exchange, "http://[::ffff:169.254.169.254]/latest/"));
        server.start();
        port = server.getAddress().getPort();
        FetchSettings settings = FetchSettings.from(Settings.of(Map.of())).withAllowedCidrs(List.of("127.0.0.1/32"));
        fetcher = Fetchers.create(settings, this::resolve);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://2130706433/",
                "http://0x7f000001/",
                "http://0x7f.0.0.1/",
                "http://0177.0.0.1/",
                "http://017700000001/",
                "http://127.1/",
                "http://0/",
                "http://169.254.43518/"
            })
    void anIpv4AddressInDecimalOctalHexOrShortFormIsRefusedBeforeAnyLookup(String url) {
        DocumentFailure failure = failureOf(() -> fetcher.fetch(url));

        assertThat(failure.code()).isEqualTo(Code.INVALID_DOCUMENT_URL);
        assertThat(lookedUp).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.2]/",
                "http://[::ffff:7f00:2]/",
                "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:a9fe:a9fe::]/",
                "http://[::10.0.0.1]/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/",
                "http://100.64.0.1/",
                "http://[fd00::1]/",
                "http://0.0.0.0/",
                "http://224.0.0.1/"
            })
    void internalAddressesInEveryNotationAreRefused(String url) {
        assertThat(failureOf(() -> fetcher.fetch(url)).code()).isEqualTo(Code.URL_NOT_ALLOWED);
    }

    @Test
    void aRedirectToAnInternalAddressInAnyNotationIsRefused() {
        assertThat(failureOf(() -> fetcher.fetch("http://127.0.0.1:" + port + "/to-decimal"))
                        .code())
                .isEqualTo(Code.INVALID_DOCUMENT_URL);
        assertThat(failureOf(() -> fetcher.fetch("http://127.0.0.1:" + port + "/to-mapped"))
                        .code())
                .isEqualTo(Code.URL_NOT_ALLOWED);
    }

    @Test
    void aDnsAnswerThatChangesAfterTheCheckCannotRedirectTheConnection() {
        // rebind.test answers 127.0.0.1 (allowed) once, then 127.0.0.2 (refused) to every later lookup.
        assertThat(new String(
                        fetcher.fetch("http://rebind.test:" + port + "/doc.txt").content(), StandardCharsets.UTF_8))
                .isEqualTo("een document");
        assertThat(lookedUp).containsExactly("rebind.test");

        DocumentFailure failure = failureOf(() -> fetcher.fetch("http://127.0.0.1:" + port + "/again"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(lookedUp).containsExactly("rebind.test", "127.0.0.1", "rebind.test");
    }

    private List<InetAddress> resolve(String host) {
        lookedUp.add(host);
        if (host.equals("rebind.test")) {
            return List.of(InetAddress.ofLiteral(rebindAnswers.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2"));
        }
        return List.of(InetAddress.ofLiteral(host));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
