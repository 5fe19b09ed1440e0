package com.klarefi.platform.jobs;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jobrunr.jobs.JobId;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.configuration.BackgroundJobServerThreadType;
import org.jobrunr.server.configuration.DefaultBackgroundJobServerWorkerPolicy;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr on Klarefi's own database (schema {@code jobrunr}). Built by hand rather than through
 * JobRunr's static facade so that two instances can live in one JVM (tests) and so that modules can
 * register handlers before any worker starts. Enqueueing works on every instance; only instances
 * with {@code runServer} execute jobs.
 */
public final class Jobs implements AutoCloseable {
    public static final String SCHEMA = "jobrunr";
    /** The channel on which an instance without a job server rings those that have one. */
    public static final String WAKE_UP_CHANNEL = "klarefi_jobs";

    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());
    private static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(5);

    private final JobsSettings settings;
    private final JsonMapper jsonMapper = new JacksonJsonMapper();
    private final StorageProvider storage;
    private final JobRequestScheduler scheduler;
    private final JobHandlers handlers = new JobHandlers();
    private final DataSource dataSource;
    private BackgroundJobServer server;
    private AutoCloseable wakeUps;
    private JobDashboard dashboard;
    private ScheduledExecutorService watchdog;

    public Jobs(JobsSettings settings, DataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        PostgresStorageProvider provider =
                new PostgresStorageProvider(dataSource, SCHEMA + ".", DatabaseOptions.CREATE);
        provider.setJobMapper(new JobMapper(jsonMapper));
        this.storage = provider;
        this.scheduler = new JobRequestScheduler(storage);
    }

    /** Registers the instance that runs jobs of the handler's request type. Call before {@link #start()}. */
    public <T extends JobRequest, H extends JobRequestHandler<T>> void register(Class<H> type, H handler) {
        handlers.register(type, handler);
    }

    /** Enqueues with a deterministic id: enqueueing the same id again is harmless. */
    public JobId enqueue(UUID id, JobRequest request) {
        return scheduler.enqueue(id, request);
    }

    public JobId enqueue(JobRequest request) {
        return scheduler.enqueue(request);
    }

    /** Registers or updates a recurring job; the id keeps it unique across instances. */
    public void recurring(String id, Duration interval, JobRequest request) {
        scheduler.scheduleRecurrently(id, interval, request);
    }

    /**
     * Says that a job was just enqueued, so that it starts now instead of at a job server's next
     * poll (at least 5 s away with SQL storage). On an instance with a job server that server looks
     * for work at once (JobRunr's own onboarding, the one a worker runs when it finishes a job); an
     * instance without one rings the job servers of the other instances through PostgreSQL
     * ({@code NOTIFY} on {@link #WAKE_UP_CHANNEL}, heard by {@link #listenForWakeUps}). Either way a
     * lost wake-up only costs the wait for the poll.
     */
    public void wakeUp() {
        if (server != null) {
            wakeLocalServer();
        } else {
            ringJobServers();
        }
    }

    /**
     * Lets the other instances' wake-ups reach this instance's job server: on a listening
     * connection of the database's own ({@link Database#listen}), each ring makes the server look
     * for work at once. Call after {@link #start()}; an instance without a job server does nothing.
     */
    public void listenForWakeUps(Database database) {
        if (server != null && wakeUps == null) {
            wakeUps = database.listen(WAKE_UP_CHANNEL, ring -> wakeLocalServer());
        }
    }

    private void ringJobServers() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, WAKE_UP_CHANNEL);
            notify.execute();
        } catch (SQLException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "could not ring the job servers; their poll finds the job (" + e.getSQLState() + ")");
        }
    }

    private void wakeLocalServer() {
        BackgroundJobServer running = server;
        if (running != null && running.isRunning()) {
            var steward = running.getJobSteward();
            steward.notifyThreadOccupied();
            steward.notifyThreadIdle();
        }
    }

    /**
     * Deletes a job's record, whatever its state, inside the caller's transaction (JobRunr keeps its
     * jobs in our database). Erasure uses it: a job's parameters name the document it worked on.
     * A server still running the job fails to save its next state change and drops it.
     */
    public void forget(Tx tx, UUID id) {
        tx.handle()
                .createUpdate("DELETE FROM " + SCHEMA + ".jobrunr_jobs WHERE id = :id")
                .bind("id", id.toString())
                .execute();
    }

    /** The state JobRunr has for a job id, or empty when it has no such job. */
    public Optional<StateName> stateOf(UUID id) {
        try {
            return Optional.of(storage.getJobById(id).getState());
        } catch (JobNotFoundException e) {
            return Optional.empty();
        }
    }

    public JobRequestScheduler scheduler() {
        return scheduler;
    }

    public StorageProvider storage() {
        return storage;
    }

    public void start() {
        if (settings.runServer()) {
            BackgroundJobServerConfiguration configuration =
                    BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                            .andName(settings.serverName())
                            // Platform threads: a job computes (hashes, sniffs, serialises a document's words)
                            // between its waits, and virtual threads are never preempted, so jobs on them
                            // would hold the few carriers that every HTTP request needs too.
                            .andBackgroundJobServerWorkerPolicy(new DefaultBackgroundJobServerWorkerPolicy(
                                    settings.workers(), BackgroundJobServerThreadType.PlatformThreads))
                            .andPollInterval(settings.pollInterval())
                            .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(Duration.ofSeconds(3));
            server = new BackgroundJobServer(storage, jsonMapper, handlers, configuration);
            server.start();
            LOG.log(
                    System.Logger.Level.INFO,
                    "background job server '" + settings.serverName() + "' started with " + settings.workers()
                            + " workers");
            watchdog = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("klarefi-jobs-watchdog").factory());
            watchdog.scheduleWithFixedDelay(
                    this::restartIfStopped,
                    WATCHDOG_PERIOD.toMillis(),
                    WATCHDOG_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            LOG.log(System.Logger.Level.INFO, "this instance runs no background jobs (KLAREFI_ROLES has no 'jobs')");
        }
        if (settings.dashboard()) {
            String password = settings.dashboardPassword()
                    .orElseThrow(() -> new IllegalStateException("the job dashboard needs a password"));
            dashboard = JobDashboard.start(
                    storage,
                    jsonMapper,
                    settings.dashboardHost(),
                    settings.dashboardPort(),
                    settings.dashboardUser(),
                    password);
            LOG.log(
                    System.Logger.Level.INFO,
                    "job dashboard on " + settings.dashboardHost() + ":" + dashboard.port()
                            + " (basic authentication, user '" + settings.dashboardUser() + "')");
        }
    }

    /**
     * JobRunr stops its own server when it cannot reach the database for a while (an outage, a
     * failover) and never starts it again, which would leave accepted work unprocessed until the
     * service is restarted. Once the database answers, the stopped server is started again.
     */
    void restartIfStopped() {
        BackgroundJobServer stopped = server;
        if (stopped == null || stopped.isRunning()) {
            return;
        }
        try {
            storage.getJobStats();
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the background job server had stopped after database failures; starting it again");
            stopped.start();
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "background job server stopped; the database is still unreachable ("
                            + e.getClass().getSimpleName() + "), trying again in " + WATCHDOG_PERIOD.toSeconds()
                            + " s");
        }
    }

    /** Whether this instance's job server is running now. */
    public boolean serverRunning() {
        BackgroundJobServer running = server;
        return running != null && running.isRunning();
    }

    /** The port the job dashboard listens on, if this instance serves it. */
    public OptionalInt dashboardPort() {
        JobDashboard serving = dashboard;
        return serving == null ? OptionalInt.empty() : OptionalInt.of(serving.port());
    }

    public boolean runsServer() {
        return server != null;
    }

    @Override
    public void close() {
        if (wakeUps != null) {
            try {
                wakeUps.close();
            } catch (Exception e) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "closing the wake-up listener failed: " + e.getClass().getSimpleName());
            }
            wakeUps = null;
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
        storage.close();
    }
}
