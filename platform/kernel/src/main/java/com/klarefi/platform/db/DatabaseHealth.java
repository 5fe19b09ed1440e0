package com.klarefi.platform.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: does the database answer a trivial query through the shared pool? Helidon's JDBC
 * client runs the probe over our Hikari pool, so health measures the same connections that serve
 * requests.
 */
public final class DatabaseHealth {
    private static final System.Logger LOG = System.getLogger(DatabaseHealth.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Executor PROBES = Executors.newVirtualThreadPerTaskExecutor();
    private final DbClient client;

    public DatabaseHealth(Database database) {
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                try {
                    return database.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException("no database connection", e);
                }
            }

            @Override
            public String dbType() {
                return "postgresql";
            }
        };
        this.client = JdbcClientBuilder.create().connectionPool(pool).build();
    }

    /** Answers within {@link #TIMEOUT} even when the pool waits for a connection that never comes. */
    public boolean isUp() {
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(this::probe, PROBES);
        try {
            return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            LOG.log(System.Logger.Level.WARNING, "database health check timed out after " + TIMEOUT.toSeconds() + " s");
            return false;
        } catch (ExecutionException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "database health check failed: " + e.getCause().getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probe() {
        return client.execute()
                .get("SELECT 1 AS up")
                .map(row -> row.column("up").getInt() == 1)
                .orElse(false);
    }
}
