package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.ArtifactProcess.Ports;
import com.klarefi.app.IntakeApi.Accepted;
import com.klarefi.app.IntakeApi.Submission;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Accepted means processed": the packaged service is killed at the two dangerous points of the
 * intake (after the 201 but before the enqueue; inside the job after the bytes are stored) and at
 * a random moment under load, restarted, and every document it had accepted must end processed
 * exactly once. Recovery takes JobRunr's orphan timeout (4 polls, 20 s) and the reconciler's
 * rounds (every 15 s, documents idle for 5 s here), so each case runs for about a minute.
 */
class CrashSafetyIT {
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    @TempDir
    Path workDirectory;

    private final Ports ports = Ports.free();
    private final HttpTestClient anonymous = HttpTestClient.local(ports.http());
    private DocumentServer documents;
    private ArtifactProcess running;
    private int starts;

    @BeforeEach
    void startDocumentServer() {
        documents = DocumentServer.start();
        documents.answerEveryName(onePagePdf(), "application/pdf");
    }

    @AfterEach
    void stopEverything(TestInfo test) throws IOException {
        documents.close();
        if (running != null && running.process().isAlive()) {
            running.kill();
        }
        LeftoverPostgres.stopIn(dataDirectory().resolve("postgres"));
        keepLogs(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aDocumentAcceptedJustBeforeTheProcessDiesIsProcessedOnceAfterTheRestart() throws InterruptedException {
        serve(Optional.of("halt-after-accept"));
        assertThat(running.logText()).contains("FAULT INJECTION IS ON");
        IntakeApi intake = intakeFor(organisation());

        Accepted accepted = intake.submit(submission("after-accept", Optional.empty()));

        assertThat(running.awaitExit(Duration.ofSeconds(30)))
                .as("halted like SIGKILL")
                .isEqualTo(137);
        assertThat(documents.fetchesOf("after-accept.pdf"))
                .as("its job never ran")
                .isZero();
        serve(Optional.empty());
        awaitFinished(intake, List.of(accepted));
        intake.assertProcessedExactlyOnce(accepted);
        running.terminateAndAssertCleanExit();
    }

    @Test
    void aDocumentWhoseJobDiesAfterStoringItsBytesIsProcessedOnceAfterTheRestart() throws InterruptedException {
        serve(Optional.of("halt-in-job"));
        IntakeApi intake = intakeFor(organisation());

        Accepted accepted = intake.submit(submission("in-job", Optional.empty()));

        assertThat(running.awaitExit(Duration.ofSeconds(60)))
                .as("halted like SIGKILL")
                .isEqualTo(137);
        assertThat(documents.fetchesOf("in-job.pdf"))
                .as("fetched before the halt")
                .isEqualTo(1);
        serve(Optional.empty());
        awaitFinished(intake, List.of(accepted));
        intake.assertProcessedExactlyOnce(accepted);
        assertThat(documents.fetchesOf("in-job.pdf"))
                .as("the stored bytes are reused, not fetched again")
                .isEqualTo(1);
        running.terminateAndAssertCleanExit();
    }

    @Test
    void documentsInFlightWhenTheProcessIsKilledAtARandomMomentAreEachProcessedExactlyOnce()
            throws InterruptedException {
        serve(Optional.empty());
        IntakeApi intake = intakeFor(organisation());
        SubmissionLoad load = new SubmissionLoad(intake, 3, this::submission);

        load.runUntilKilled(running, Duration.ofMillis(500), Duration.ofMillis(2000));
        List<Accepted> accepted = new ArrayList<>(load.accepted());
        System.out.printf(
                "killed after %d accepted documents, %d requests unanswered%n",
                accepted.size(), load.unanswered().size());
        assertThat(accepted).as("documents accepted before the kill").isNotEmpty();

        Instant restarted = Instant.now();
        serve(Optional.empty());
        for (Submission retry : load.unanswered()) {
            accepted.add(intake.submit(retry));
        }
        awaitFinished(intake, accepted);
        accepted.forEach(intake::assertProcessedExactlyOnce);
        assertThat(accepted)
                .as("some documents were still in flight at the kill")
                .anyMatch(document -> intake.processedAt(document).isAfter(restarted));
        assertEachCaseListsExactlyItsAcceptedDocuments(intake, accepted);
        running.terminateAndAssertCleanExit();
    }

    /** A request the client never saw answered and retried with its key is one document, not two. */
    private static void assertEachCaseListsExactlyItsAcceptedDocuments(
            IntakeApi intake, Collection<Accepted> accepted) {
        Map<String, List<String>> byCase = accepted.stream()
                .collect(Collectors.groupingBy(
                        Accepted::caseId, Collectors.mapping(Accepted::docId, Collectors.toList())));
        byCase.forEach((caseId, docIds) -> assertThat(intake.documentIds(caseId))
                .as("documents of case %s", caseId)
                .containsExactlyInAnyOrderElementsOf(docIds));
    }

    private void serve(Optional<String> fault) {
        Map<String, String> settings = new HashMap<>();
        settings.put("KLAREFI_HTTP_HOST", "127.0.0.1");
        settings.put("KLAREFI_DASHBOARD_ENABLED", "false");
        settings.put("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8");
        settings.put("KLAREFI_RATE_LIMIT_PER_MINUTE", "100000");
        settings.put("KLAREFI_JOBS_POLL_SECONDS", "5");
        settings.put("KLAREFI_RECONCILE_IDLE_SECONDS", "5");
        fault.ifPresent(point -> settings.put("KLAREFI_FAULT_INJECTION", point));
        starts++;
        running = ArtifactProcess.serve(
                        dataDirectory(), ports, settings, workDirectory.resolve("serve-" + starts + ".log"))
                .awaitHealthy(anonymous);
    }

    private String organisation() {
        JsonNode created =
                ArtifactProcess.createOrganisation(dataDirectory(), "Crash test", workDirectory.resolve("admin.log"));
        return created.path("keys").path("test").asText();
    }

    private IntakeApi intakeFor(String apiKey) {
        return new IntakeApi(anonymous.bearer(apiKey));
    }

    private Submission submission(String name, Optional<String> externalCaseId) {
        return new Submission("key-" + name, documents.url(name + ".pdf"), externalCaseId);
    }

    private void awaitFinished(IntakeApi intake, Collection<Accepted> accepted) {
        List<Accepted> pending = new ArrayList<>(accepted);
        await("every accepted document finished (logs in " + workDirectory + ")")
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .failFast(
                        "the restarted process exited", () -> !running.process().isAlive())
                .until(() -> {
                    pending.removeIf(intake::isFinished);
                    return pending.isEmpty();
                });
    }

    /** The temporary directory goes away; the service's logs stay in target/ for a look after a failure. */
    private void keepLogs(String testName) throws IOException {
        Path kept = Path.of("target", "crash-safety-logs", testName);
        Files.createDirectories(kept);
        try (var logs = Files.list(workDirectory)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Path dataDirectory() {
        return workDirectory.resolve("klarefi-data");
    }

    /** After a failed test the killed service's embedded PostgreSQL would outlive the test run. */
    private static final class LeftoverPostgres {
        static void stopIn(Path postgresDirectory) {
            Path pidFile = postgresDirectory.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8)
                        .getFirst()
                        .trim());
                ProcessHandle.of(pid)
                        .filter(handle -> handle.info()
                                .command()
                                .map(command -> command.contains("postgres"))
                                .orElse(false))
                        .ifPresent(ProcessHandle::destroy);
            } catch (IOException | RuntimeException e) {
                System.out.println("could not check for a leftover PostgreSQL in " + postgresDirectory + ": " + e);
            }
        }
    }

    private static byte[] onePagePdf() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Claim form: vehicle damage reported on 3 March 2026");
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
