package com.klarefi.processing.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.internal.pipeline.DocumentWorkers.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class DocumentWorkersTest {
    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    /** So that busy document threads leave the HTTP carriers a core: health answers while every worker computes. */
    @Test
    void documentWorkRunsAtALowerSchedulingPriorityThanTheThreadsThatAnswerRequests() {
        assumeTrue(Files.isReadable(OWN_STAT), "no per-thread scheduling figures on this system");
        try (DocumentWorkers workers = new DocumentWorkers(1)) {
            int caller = niceOfThisThread();
            int worker = workers.run(Stage.READ, Duration.ofSeconds(10), DocumentWorkersTest::niceOfThisThread);

            assertThat(worker).isEqualTo(Math.min(19, caller + BackgroundPriority.STEPS));
            assertThat(niceOfThisThread()).as("the caller keeps its priority").isEqualTo(caller);
        }
    }

    /**
     * A document's extraction is the end of its work and runs inside the transaction that finishes
     * it: it goes before the reading of documents that came earlier, which then keep their order.
     */
    @Test
    void waitingExtractionRunsBeforeWaitingReadingAndEachStageKeepsItsOrder() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Duration budget = Duration.ofSeconds(30);
        try (DocumentWorkers workers = new DocumentWorkers(1);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> occupying = CompletableFuture.runAsync(
                    () -> workers.run(Stage.READ, budget, () -> {
                        busy.countDown();
                        await(release);
                        return null;
                    }),
                    callers);
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            int queued = 0;
            for (Work work : List.of(
                    new Work(Stage.READ, "read 1"),
                    new Work(Stage.EXTRACT, "extract 1"),
                    new Work(Stage.READ, "read 2"),
                    new Work(Stage.EXTRACT, "extract 2"))) {
                waiting.add(CompletableFuture.runAsync(
                        () -> workers.run(work.stage(), budget, () -> ran.add(work.name())), callers));
                int expected = ++queued;
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> workers.waiting() == expected);
            }
            release.countDown();
            occupying.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> task : waiting) {
                task.get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(ran).containsExactly("extract 1", "extract 2", "read 1", "read 2");
    }

    /**
     * Four jobs' pages can hold both threads for minutes; a document whose work waited that long
     * for a thread has not used its budget.
     */
    @Test
    void theBudgetRunsFromTheMomentAThreadTakesTheWorkNotWhileItWaits() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (DocumentWorkers workers = new DocumentWorkers(1);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> occupying = CompletableFuture.runAsync(
                    () -> workers.run(Stage.READ, Duration.ofSeconds(30), () -> {
                        busy.countDown();
                        await(release);
                        return null;
                    }),
                    callers);
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                    () -> workers.run(Stage.EXTRACT, Duration.ofSeconds(1), () -> "extracted"), callers);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> workers.waiting() == 1);
            // Twice the waiting work's budget goes by while it waits for the thread, and it is still waiting.
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !waiting.isDone());
            release.countDown();

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("extracted");
            occupying.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void workThatOutrunsItsBudgetFailsTheDocumentWithProcessingTimeout() {
        try (DocumentWorkers workers = new DocumentWorkers(1)) {
            CountDownLatch never = new CountDownLatch(1);
            assertThatThrownBy(() -> workers.run(Stage.READ, Duration.ofSeconds(1), () -> {
                        await(never);
                        return null;
                    }))
                    .isInstanceOfSatisfying(
                            DocumentFailure.class,
                            failure -> assertThat(failure.code()).isEqualTo(DocumentFailure.Code.PROCESSING_TIMEOUT));
        }
    }

    private record Work(Stage stage, String name) {}

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name in parentheses. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
