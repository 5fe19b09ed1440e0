package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.app.IntakeApi.Accepted;
import com.klarefi.app.IntakeApi.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Several clients submitting documents one after another (each client to its own case) while the
 * service is killed with SIGKILL at a random moment. Records what was answered 201 and what was
 * sent but never answered, which a well-behaved client retries with the same idempotency key.
 */
final class SubmissionLoad {
    /** A cap so that a kill that never comes cannot make a test run away. */
    private static final int MAX_PER_CLIENT = 1_000;

    private final IntakeApi intake;
    private final int clients;
    private final BiFunction<String, Optional<String>, Submission> submissions;
    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Submission> unanswered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean killed;

    SubmissionLoad(IntakeApi intake, int clients, BiFunction<String, Optional<String>, Submission> submissions) {
        this.intake = intake;
        this.clients = clients;
        this.submissions = submissions;
    }

    /** Submits until the process, killed between {@code earliest} and {@code latest} from now, is gone. */
    void runUntilKilled(ArtifactProcess running, Duration earliest, Duration latest) {
        long delay = ThreadLocalRandom.current().nextLong(earliest.toMillis(), latest.toMillis() + 1);
        System.out.println("SIGKILL in " + delay + " ms");
        try (ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
                ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor()) {
            List<Future<?>> clientRuns = IntStream.range(0, clients)
                    .<Future<?>>mapToObj(client -> clientThreads.submit(() -> submitUntilKilled(client)))
                    .toList();
            // The random moment counts from the first accepted document, so a slow start on a busy
            // machine cannot make the kill land before anything was in flight.
            await("a first document accepted").atMost(Duration.ofSeconds(60)).until(() -> !accepted.isEmpty());
            killer.schedule(
                    () -> {
                        killed = true;
                        running.process().destroyForcibly();
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
            await("clients stop after the kill")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> clientRuns.stream().allMatch(Future::isDone));
            assertThat(failures).as("requests that failed before the kill").isEmpty();
            assertThat(running.awaitExit(Duration.ofSeconds(30)))
                    .as("exit status after SIGKILL")
                    .isEqualTo(137);
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<Submission> unanswered() {
        return List.copyOf(unanswered);
    }

    private void submitUntilKilled(int client) {
        for (int sequence = 0; sequence < MAX_PER_CLIENT; sequence++) {
            Submission submission =
                    submissions.apply("load-" + client + "-" + sequence, Optional.of("claim-" + client));
            try {
                accepted.add(intake.submit(submission));
            } catch (RuntimeException | AssertionError e) {
                if (killed) {
                    unanswered.add(submission);
                } else {
                    failures.add(e);
                }
                return;
            }
        }
    }
}
