package com.klarefi.app.intake;

import static com.klarefi.app.intake.Submissions.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.testing.HttpTestClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents that keep every worker busy for seconds do not slow the API: document work runs on its
 * own platform threads, so the virtual threads answering HTTP always find a carrier.
 */
class BusyWorkersTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Duration HEALTH_BUDGET = Duration.ofMillis(100);
    private static final Duration FROZEN = Duration.ofSeconds(1);

    @Test
    void healthAnswersWithinAHundredMillisecondsWhileEveryWorkerReadsADocument(@TempDir Path dataDirectory)
            throws Exception {
        // As many documents as carrier threads: read on virtual threads, they would take every carrier.
        Map<String, String> settings = Map.of(
                "KLAREFI_FETCH_ALLOWED_CIDRS",
                "127.0.0.0/8",
                "KLAREFI_RATE_LIMIT_PER_MINUTE",
                "100000",
                "KLAREFI_JOBS_WORKERS",
                String.valueOf(CORES + 2),
                "KLAREFI_DOCUMENT_THREADS",
                String.valueOf(CORES));
        try (ApiInstance instance = ApiInstance.start(dataDirectory, settings)) {
            HttpTestClient api = instance.newOrganisation("Busy").test();
            byte[] heavy = pdfOfManyOperators();
            for (int index = 0; index < CORES; index++) {
                submit(api, instance.documents().put("heavy-" + index + ".pdf", heavy, "application/pdf"));
            }
            // The case shows a document as queued until it finishes; the document's own row knows better.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> documentsBeingRead(instance) == CORES);

            List<Long> latencies = healthLatencies(instance.port(), 20);

            assertThat(documentsBeingRead(instance))
                    .as("documents still being read after the probes")
                    .isEqualTo(CORES);
            // A frozen instance answers in seconds or not at all. The bound is the median rather than
            // every probe: on a shared test machine other processes add their own scheduling delays.
            assertThat(latencies.stream().sorted().toList().get(latencies.size() / 2))
                    .as("median health latency in ms of %s", latencies)
                    .isLessThanOrEqualTo(HEALTH_BUDGET.toMillis());
            assertThat(latencies).as("health latencies in ms").allMatch(millis -> millis < FROZEN.toMillis());
        }
    }

    private static List<Long> healthLatencies(int port, int probes) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            client.send(health, HttpResponse.BodyHandlers.discarding());
            for (int probe = 0; probe < probes; probe++) {
                long started = System.nanoTime();
                try {
                    assertThat(client.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode())
                            .isEqualTo(200);
                } catch (HttpTimeoutException e) {
                    // counted below as the time it waited
                }
                latencies.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return latencies;
    }

    private static int documentsBeingRead(ApiInstance instance) throws Exception {
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM processing.documents WHERE status = 'processing'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Nine pages sharing one content stream of 900,000 save/restore operators and no text: each page
     * is interpreted, then rendered and recognised as a scan. Seconds of legitimate work.
     */
    private static byte[] pdfOfManyOperators() throws Exception {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDStream content = new PDStream(document);
            try (OutputStream stream = content.createOutputStream(COSName.FLATE_DECODE)) {
                stream.write("q Q ".repeat(450_000).getBytes(StandardCharsets.US_ASCII));
            }
            for (int index = 0; index < 9; index++) {
                PDPage page = new PDPage();
                page.setContents(content);
                document.addPage(page);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
