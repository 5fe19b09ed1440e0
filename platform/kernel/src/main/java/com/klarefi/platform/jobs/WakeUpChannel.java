package com.klarefi.platform.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's LISTEN/NOTIFY as a doorbell for JobRunr's poll. An instance that enqueues a job but
 * runs no job server (an API-only instance) rings; every instance with a job server listens and, on
 * a ring, asks its own server to look for work at once instead of at its next poll (5 s or more).
 * The bell carries nothing: the job is already stored, and a missed ring (the listener reconnecting
 * after an outage, a notification dropped) only means the poll picks the job up as before.
 */
final class WakeUpChannel implements AutoCloseable {
    static final String CHANNEL = "klarefi_jobs";
    private static final System.Logger LOG = System.getLogger(WakeUpChannel.class.getName());
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Runnable onRing;
    private volatile boolean open = true;
    private Thread listener;

    /** {@code onRing}: what a ring does on this instance (wake the local job server). */
    WakeUpChannel(DataSource dataSource, Runnable onRing) {
        this.dataSource = dataSource;
        this.onRing = onRing;
    }

    /** Rings every listening instance once the caller's statement commits (here: at once, auto-commit). */
    static void ring(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, CHANNEL);
            notify.execute();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not ring the job servers; their poll finds the job ("
                    + e.getSQLState() + ")");
        }
    }

    /** Starts listening on a thread of its own, holding one connection of the pool. */
    void listen() {
        listener = Thread.ofPlatform().daemon().name("klarefi-jobs-wakeup").start(this::run);
    }

    private void run() {
        long backoffMillis = 100;
        while (open) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                backoffMillis = 100;
                // Jobs may have been enqueued while nobody listened.
                onRing.run();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] rung = notifications.getNotifications(WAIT_MILLIS);
                    if (rung != null && rung.length > 0) {
                        onRing.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!open) {
                    return;
                }
                LOG.log(System.Logger.Level.INFO, "job wake-up channel lost (" + e.getClass().getSimpleName()
                        + "); listening again in " + backoffMillis + " ms, the job server's poll goes on meanwhile");
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    @Override
    public void close() {
        open = false;
        Thread running = listener;
        if (running != null) {
            running.interrupt();
            try {
                running.join(WAIT_MILLIS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
