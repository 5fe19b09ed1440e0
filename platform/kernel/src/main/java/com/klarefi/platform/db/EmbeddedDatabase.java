package com.klarefi.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server that Klarefi runs itself when no external database is configured. Its data
 * directory lives under {@code KLAREFI_DATA_DIR} and survives restarts. A server left running by an
 * instance that was killed (SIGKILL) is stopped before a new one starts on the same directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    public static final String DATABASE = "klarefi";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.getParent());
            boolean existing = Files.isRegularFile(directory.resolve("PG_VERSION"));
            LOG.log(System.Logger.Level.INFO, (existing ? "reusing the embedded database in " : "creating a new embedded database in ")
                    + directory);
            stopLeftoverServer(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // We stop the server ourselves, after the pool and the job server let go of it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createApplicationDatabase();
            LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL listening on 127.0.0.1:" + postgres.getPort()
                    + ", data in " + directory);
            return database;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The port of an embedded server that another process (a running Klarefi) keeps on this data
     * directory, read from PostgreSQL's own lock file, so admin commands can join it.
     */
    public static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.toAbsolutePath().normalize().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Connection settings for an embedded server another process runs on the given port. */
    public static ConnectionSettings attached(int port, int poolSize) {
        return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, Optional.of("postgres"),
                Optional.empty(), poolSize, Duration.ofSeconds(10));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public ConnectionSettings connectionSettings(int poolSize) {
        return new ConnectionSettings(jdbcUrl(), Optional.of("postgres"), Optional.empty(), poolSize, Duration.ofSeconds(10));
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the embedded database " + DATABASE, e);
        }
    }

    /**
     * A killed JVM leaves its PostgreSQL running; the new start would then fail on the lock file.
     * Only a process that is still alive and is a postgres server is stopped.
     */
    private static void stopLeftoverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "stopping a PostgreSQL (pid " + pid + ") left behind by an earlier run");
        ProcessHandle handle = leftover.get();
        handle.destroy();
        try {
            handle.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
