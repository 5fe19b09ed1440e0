package com.klarefi.processing.internal.fetch;

import static com.klarefi.processing.internal.fetch.FetchFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a pinned address keeps certificate checks: the server's certificate names only
 * {@code docs.test}, and both names below resolve to the same local server.
 */
class FetchingOverTlsTest {
    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path directory;

    private static HttpsServer server;
    private static X509Certificate certificate;

    @BeforeAll
    static void startServerWithACertificateForDocsTest() throws Exception {
        KeyStore keys = generateKeyStore(directory.resolve("server.p12"));
        certificate = (X509Certificate) keys.getCertificate("docs");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "%PDF-1.7 over tls".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void fetchesFromTheHostTheCertificateNames() {
        var document = Fetchers.create(settings(), FetchingOverTlsTest::resolveLocally, List.of(certificate))
                .fetch(url("docs.test"));

        assertThat(new String(document.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7 over tls");
    }

    @Test
    void refusesACertificateForAnotherHostName() {
        DocumentFailure failure =
                failureOf(() -> Fetchers.create(settings(), FetchingOverTlsTest::resolveLocally, List.of(certificate))
                        .fetch(url("other.test")));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.getMessage()).contains("TLS");
        assertThat(failure.isTransient()).isFalse();
    }

    @Test
    void refusesACertificateNoAuthorityVouchesFor() {
        DocumentFailure failure = failureOf(() ->
                Fetchers.create(settings(), FetchingOverTlsTest::resolveLocally).fetch(url("docs.test")));

        assertThat(failure.getMessage()).contains("TLS");
        assertThat(failure.isTransient()).isFalse();
    }

    private static String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/statement.pdf";
    }

    private static FetchSettings settings() {
        return FetchSettings.from(Settings.of(Map.of())).withAllowedCidrs(List.of("127.0.0.0/8"));
    }

    private static List<InetAddress> resolveLocally(String host) {
        return List.of(InetAddress.getLoopbackAddress());
    }

    private static KeyStore generateKeyStore(Path file)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "docs",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=docs.test",
                        "-ext",
                        "SAN=dns:docs.test",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
