package com.klarefi.app.intake;

import static com.klarefi.app.intake.Submissions.outcome;
import static com.klarefi.app.intake.Submissions.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents carrying a canary through every path that once failed on their content (a NUL byte, a
 * text too large for the database, pathological HTML, an HTML body over budget, a read past its
 * time budget, a PDF cut short): each ends with an outcome, and afterwards the canary is in no log
 * line and in no table but the document's own rows.
 */
class DocumentContentStaysInItsRowsTest {
    private static final String CANARY =
            "zqcanary" + UUID.randomUUID().toString().replace("-", "");
    /** A document's own rows: its record (content, failure) and its pages. */
    private static final List<String> OWN_ROWS = List.of("processing.documents", "processing.pages");

    @Test
    void theCanaryOfHostileDocumentsReachesNoLogLineAndNoOtherTable(@TempDir Path dataDirectory) throws Exception {
        try (LogCapture logs = LogCapture.start();
                ApiInstance instance =
                        ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            HttpTestClient api = instance.newOrganisation("Canary").test();
            DocumentServer documents = instance.documents();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(
                    submit(
                            api,
                            documents.put(
                                    "nul.eml",
                                    mail("text/plain", "Naam: " + CANARY + "=00 IBAN NL91ABNA0417164300"),
                                    "message/rfc822")),
                    "processed");
            expected.put(
                    submit(
                            api,
                            documents.put(
                                    "giant.txt",
                                    (CANARY + " Jan Jansen NL91ABNA0417164300\n")
                                            .repeat(80_000)
                                            .getBytes(StandardCharsets.UTF_8),
                                    "text/plain")),
                    "too_large");
            expected.put(
                    submit(
                            api,
                            documents.put(
                                    "comments.eml",
                                    mail("text/html", "<p>" + CANARY + "</p>" + "<!--".repeat(50_000)),
                                    "message/rfc822")),
                    "processed");
            expected.put(
                    submit(
                            api,
                            documents.put(
                                    "huge-html.eml",
                                    mail("text/html", ("<p>" + CANARY + "</p>").repeat(200_000)),
                                    "message/rfc822")),
                    "too_large");

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> expected.keySet().stream()
                            .noneMatch(caseId -> List.of("queued", "processing").contains(outcome(api, caseId))));

            expected.forEach((caseId, outcome) ->
                    assertThat(outcome(api, caseId)).as("case %s", caseId).isEqualTo(outcome));
            assertThat(logs.lines()).as("log lines with the canary").noneMatch(line -> line.contains(CANARY));
            assertThat(tablesHoldingTheCanary(instance)).isEmpty();
            assertThat(processingJobNames(instance))
                    .hasSize(expected.size())
                    .allMatch(name -> name.matches("process document doc_[A-Za-z0-9]+"));
        }
    }

    @Test
    void theCanaryOfADocumentPastItsTimeBudgetOrCutShortReachesNoLogLineAndNoOtherTable(@TempDir Path dataDirectory)
            throws Exception {
        // A read budget of one second and room for ten thousand pages: reading all of them takes longer.
        try (LogCapture logs = LogCapture.start();
                ApiInstance instance = ApiInstance.start(
                        dataDirectory,
                        Map.of(
                                "KLAREFI_FETCH_ALLOWED_CIDRS",
                                "127.0.0.0/8",
                                "KLAREFI_DOCUMENT_READ_TIMEOUT_SECONDS",
                                "1",
                                "KLAREFI_DOCUMENT_MAX_PAGES",
                                "20000"))) {
            HttpTestClient api = instance.newOrganisation("Canary").test();
            DocumentServer documents = instance.documents();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(submit(api, documents.put("slow.pdf", pdf(10_000), "application/pdf")), "processing_timeout");
            byte[] whole = pdf(3);
            expected.put(
                    submit(
                            api,
                            documents.put("cut.pdf", Arrays.copyOf(whole, whole.length * 6 / 10), "application/pdf")),
                    "document_unreadable");

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> expected.keySet().stream()
                            .noneMatch(caseId -> List.of("queued", "processing").contains(outcome(api, caseId))));

            expected.forEach((caseId, outcome) ->
                    assertThat(outcome(api, caseId)).as("case %s", caseId).isEqualTo(outcome));
            assertThat(logs.lines()).as("log lines with the canary").noneMatch(line -> line.contains(CANARY));
            assertThat(tablesHoldingTheCanary(instance)).isEmpty();
        }
    }

    /** Pages that all show the canary beside a name and an IBAN. */
    private static byte[] pdf(int pages) throws Exception {
        return TextPdfs.pagesShowing("Naam: " + CANARY + " Jan Jansen IBAN NL91ABNA0417164300", pages);
    }

    /** The names the job dashboard shows for document jobs, as JobRunr stored them. */
    private static List<String> processingJobNames(ApiInstance instance) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT jobasjson::json ->> 'jobName' FROM jobrunr.jobrunr_jobs"
                        + " WHERE jobsignature LIKE '%ProcessDocument%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> tablesHoldingTheCanary(ApiInstance instance) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("jobrunr.jobrunr_jobs").containsAll(OWN_ROWS);
            for (String table : tables) {
                if (OWN_ROWS.contains(table)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM " + table + " AS r WHERE r::text LIKE '%" + CANARY + "%'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        holding.add(table);
                    }
                }
            }
        }
        return holding;
    }

    private static byte[] mail(String type, String body) {
        return ("From: a@example.nl\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\nMIME-Version: 1.0\r\nSubject: Schade\r\nContent-Type: "
                        + type + "; charset=utf-8\r\n" + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
