package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.jobs.JobsSettings;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JobRunr on our database: jobs enqueued on an API-only instance run on a jobs instance, once. */
class JobsIntegrationTest {
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void connect() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.ensureSchema(Jobs.SCHEMA);
    }

    @AfterAll
    static void disconnect() {
        database.close();
        testDatabase.close();
    }

    public record Greet(String name) implements JobRequest {
        @Override
        public Class<GreetHandler> getJobRequestHandler() {
            return GreetHandler.class;
        }
    }

    public static final class GreetHandler implements JobRequestHandler<Greet> {
        final List<String> greeted = new CopyOnWriteArrayList<>();

        @Override
        public void run(Greet request) {
            greeted.add(request.name());
        }
    }

    @Test
    void aJobEnqueuedOnAnApiOnlyInstanceRunsOnceOnAJobsInstance() {
        GreetHandler handler = new GreetHandler();
        try (Jobs apiOnly = new Jobs(settings(false, "api-only"), database.dataSource());
                Jobs worker = new Jobs(settings(true, "worker"), database.dataSource())) {
            apiOnly.register(GreetHandler.class, new GreetHandler());
            worker.register(GreetHandler.class, handler);
            apiOnly.start();
            worker.start();
            assertThat(apiOnly.runsServer()).isFalse();
            assertThat(worker.runsServer()).isTrue();

            UUID id = UUID.randomUUID();
            apiOnly.enqueue(id, new Greet("ada"));
            apiOnly.enqueue(id, new Greet("ada"));

            await().atMost(Duration.ofSeconds(30)).until(() -> handler.greeted.contains("ada"));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> handler.greeted.size() == 1);
        }
    }

    @Test
    void aJobEnqueuedOnAnApiOnlyInstanceStartsWithoutWaitingForTheJobServersPoll() {
        GreetHandler handler = new GreetHandler();
        try (Jobs apiOnly = new Jobs(settings(false, "api-only-ringing"), database.dataSource());
                Jobs worker = new Jobs(
                        new JobsSettings(
                                true, 2, Duration.ofSeconds(60), "slow-poller", false, 0, "admin", Optional.empty()),
                        database.dataSource())) {
            worker.register(GreetHandler.class, handler);
            apiOnly.start();
            worker.start();
            worker.listenForWakeUps(database);
            // The worker's first poll and its listener's first look happen at start; let them pass.
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> true);

            apiOnly.enqueue(UUID.randomUUID(), new Greet("rung"));
            apiOnly.wakeUp();

            await("well before the 60 s poll")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> handler.greeted.contains("rung"));
        }
    }

    public record Compute(long millis) implements JobRequest {
        @Override
        public Class<ComputeHandler> getJobRequestHandler() {
            return ComputeHandler.class;
        }
    }

    /** Computes without blocking, as hashing, sniffing or serialising a large document does. */
    public static final class ComputeHandler implements JobRequestHandler<Compute> {
        final AtomicInteger running = new AtomicInteger();

        @Override
        public void run(Compute request) {
            running.incrementAndGet();
            long end = System.nanoTime() + Duration.ofMillis(request.millis()).toNanos();
            long spin = 0;
            while (System.nanoTime() < end) {
                spin += System.identityHashCode(this) % 7;
            }
            running.decrementAndGet();
            if (spin == 42) {
                throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
            }
        }
    }

    @Test
    void jobsThatComputeForSecondsLeaveVirtualThreadsTheirCarriers() throws Exception {
        // More jobs than cores: on virtual threads, which are never preempted, they would hold every
        // carrier, and HTTP requests (virtual threads too) would wait until they were done.
        int cores = Runtime.getRuntime().availableProcessors();
        ComputeHandler handler = new ComputeHandler();
        try (Jobs worker = new Jobs(
                new JobsSettings(
                        true, cores + 2, Duration.ofSeconds(5), "computing", false, 0, "admin", Optional.empty()),
                database.dataSource())) {
            worker.register(ComputeHandler.class, handler);
            worker.start();
            for (int index = 0; index < cores + 2; index++) {
                worker.enqueue(UUID.randomUUID(), new Compute(8_000));
            }
            worker.wakeUp();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> handler.running.get() >= cores);

            CompletableFuture<Long> started = new CompletableFuture<>();
            long asked = System.nanoTime();
            Thread.ofVirtual().start(() -> started.complete(System.nanoTime()));

            long waited =
                    Duration.ofNanos(started.get(20, TimeUnit.SECONDS) - asked).toMillis();
            assertThat(handler.running.get()).as("jobs still computing").isGreaterThanOrEqualTo(cores);
            assertThat(waited).as("ms a virtual thread waited for a carrier").isLessThan(1_000);
        }
    }

    @Test
    void jobRunrKeepsItsTablesInItsOwnSchema() throws Exception {
        try (Jobs jobs = new Jobs(settings(false, "probe"), database.dataSource());
                var connection = testDatabase.connect();
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM pg_tables WHERE schemaname = 'jobrunr' AND tablename LIKE 'jobrunr_%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theJobServerThatStoppedItselfDuringADatabaseOutageStartsAgainAndRunsJobs() {
        GreetHandler handler = new GreetHandler();
        UnreachableDataSource flaky = new UnreachableDataSource(database.dataSource());
        try (Jobs worker = new Jobs(settings(true, "outage"), flaky)) {
            worker.register(GreetHandler.class, handler);
            worker.start();

            flaky.goDown();
            await("JobRunr stops its server when the database is unreachable")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !worker.serverRunning());
            flaky.comeBack();

            await("the server runs again").atMost(Duration.ofSeconds(30)).until(worker::serverRunning);
            worker.enqueue(UUID.randomUUID(), new Greet("after the outage"));
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.greeted.contains("after the outage"));
        }
    }

    private static JobsSettings settings(boolean runServer, String name) {
        return new JobsSettings(runServer, 2, Duration.ofSeconds(5), name, false, 0, "admin", Optional.empty());
    }
}
