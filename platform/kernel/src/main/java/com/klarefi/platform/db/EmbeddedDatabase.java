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
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server that Klarefi runs itself when no external database is configured. Its data
 * directory lives under {@code KLAREFI_DATA_DIR} and survives restarts. A server left running by an
 * instance that was killed (SIGKILL) is stopped before a new one starts on the same directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    public static final String DATABASE = "klarefi";
    private static final String PASSWORD_RULES = """
            # Written by Klarefi at every start: every connection gives the password kept in
            # KLAREFI_DATA_DIR/secrets/database-password (scram-sha-256); nothing is trusted.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts (creating it the first time) the server on {@code dataDirectory}. Every connection,
     * local or over TCP, must give {@code password} (scram-sha-256): without it, any account on the
     * machine could connect as the superuser. An installation created before this trusted every
     * local connection; its server is secured in place at its next start.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, String password) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.getParent());
            boolean existing = Files.isRegularFile(directory.resolve("PG_VERSION"));
            LOG.log(
                    System.Logger.Level.INFO,
                    (existing ? "reusing the embedded database in " : "creating a new embedded database in ")
                            + directory);
            stopLeftoverServer(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // We stop the server ourselves, after the pool and the job server let go of it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The library's default is off, which can lose acknowledged commits in an OS crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library checks readiness with its own connections; trust ignores the
                    // password, so this works before the server is secured and after.
                    .setConnectConfig("password", password);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            database.createApplicationDatabase();
            database.requirePassword(directory);
            LOG.log(
                    System.Logger.Level.INFO,
                    "embedded PostgreSQL listening on 127.0.0.1:" + postgres.getPort() + ", data in " + directory);
            return database;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
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
            if (lines.size() < 4
                    || ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                            .filter(ProcessHandle::isAlive)
                            .isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Connection settings for an embedded server another process runs on the given port. */
    public static ConnectionSettings attached(int port, int poolSize, String password) {
        return new ConnectionSettings(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                Optional.of("postgres"),
                Optional.of(password),
                poolSize,
                Duration.ofSeconds(10));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public ConnectionSettings connectionSettings(int poolSize) {
        return new ConnectionSettings(
                jdbcUrl(), Optional.of("postgres"), Optional.of(password), poolSize, Duration.ofSeconds(10));
    }

    /**
     * Sets the superuser's password and makes every connection give it. The rules file is
     * rewritten only when it differs, and the running server reloads it: no restart.
     */
    private void requirePassword(Path directory) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE postgres PASSWORD " + quoted(password));
            Path rules = directory.resolve("pg_hba.conf");
            if (!Files.isRegularFile(rules)
                    || !Files.readString(rules, StandardCharsets.UTF_8).equals(PASSWORD_RULES)) {
                Files.writeString(rules, PASSWORD_RULES, StandardCharsets.UTF_8);
                statement.execute("SELECT pg_reload_conf()");
                LOG.log(
                        System.Logger.Level.INFO,
                        "the embedded PostgreSQL now requires its password (scram-sha-256) for every connection");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded database's password", e);
        }
    }

    private static String quoted(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
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
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .command()
                        .map(command -> command.contains("postgres"))
                        .orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "stopping a PostgreSQL (pid " + pid + ") left behind by an earlier run");
        ProcessHandle handle = leftover.get();
        handle.destroy();
        try {
            handle.onExit().get(15, TimeUnit.SECONDS);
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
