package com.klarefi.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
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
 *
 * <p>The server listens on no TCP port, only on a Unix socket inside its data directory, which
 * PostgreSQL keeps at mode 0700: only the service's own account can reach it, and it must still
 * give the password. pgjdbc has no Unix sockets of its own; junixsocket's socket factory, named in
 * the JDBC URL, gives them to every connection (the pool, Flyway and JobRunr share one data
 * source). Like the JDK's sockets on virtual threads, such a socket is closed when the thread
 * using it is interrupted; the pool then drops the connection as broken (SQL state 08006) and
 * opens another. The port only names the socket file ({@code .s.PGSQL.<port>}). Where the
 * socket's path would be longer than the system allows (about 100 bytes), the server listens on
 * 127.0.0.1 instead, password required as ever, and the log says so.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    public static final String DATABASE = "klarefi";
    /** sun_path is 108 bytes on Linux, 104 on macOS, the terminating NUL included. */
    private static final int MAX_SOCKET_PATH_BYTES = 100;
    private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";
    private static final String PASSWORD_RULES = """
            # Written by Klarefi at every start: every connection gives the password kept in
            # KLAREFI_DATA_DIR/secrets/database-password (scram-sha-256); nothing is trusted.
            local   all   all                 scram-sha-256
            """;
    private static final String LOOPBACK_RULES = PASSWORD_RULES + """
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Optional<Path> socket;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password, Optional<Path> socket) {
        this.postgres = postgres;
        this.password = password;
        this.socket = socket;
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
            LOG.log(System.Logger.Level.INFO, (existing ? "reusing the embedded database in " : "creating a new embedded database in ")
                    + directory);
            stopLeftoverServer(directory);
            try (ServerSocket placeholder = new ServerSocket(Math.max(port, 0), 50, InetAddress.getLoopbackAddress())) {
                return start(directory, placeholder, password);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The library insists on a TCP handshake with the port before its readiness query (which goes
     * through the socket factory like every other connection). {@code placeholder}, bound on
     * loopback for the start only, answers that handshake; it also reserves a port number no other
     * local server uses, to name the socket file. Nothing is ever read from it.
     */
    private static EmbeddedDatabase start(Path directory, ServerSocket placeholder, String password) throws IOException {
        int port = placeholder.getLocalPort();
        Path socketFile = directory.resolve(".s.PGSQL." + port);
        Optional<Path> socket = socketFile.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES
                ? Optional.of(socketFile) : Optional.empty();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // We stop the server ourselves, after the pool and the job server let go of it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("unix_socket_permissions", "0700")
                    // The library's default is off, which can lose acknowledged commits in an OS crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library checks readiness with its own connections; trust ignores the
                    // password, so this works before the server is secured and after.
                    .setConnectConfig("password", password);
        if (socket.isPresent()) {
            // Settings are given at every start, so an installation that listened on TCP stops
            // doing so at its next start.
            builder.setPort(port)
                    .setServerConfig("listen_addresses", "")
                    .setServerConfig("unix_socket_directories", directory.toString())
                    .setConnectConfig("socketFactory", SOCKET_FACTORY)
                    .setConnectConfig("socketFactoryArg", socketFile.toString());
        } else {
            LOG.log(System.Logger.Level.WARNING, "the embedded PostgreSQL's socket path " + socketFile + " is too long for a Unix"
                    + " socket; it listens on 127.0.0.1 instead (password required). A shorter KLAREFI_DATA_DIR avoids TCP.");
            placeholder.close();
            builder.setPort(port).setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("unix_socket_directories", "");
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, password, socket);
        database.createApplicationDatabase();
        database.requirePassword(directory);
        LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL listening on " + socket.map(path -> "the Unix socket " + path)
                .orElse("127.0.0.1:" + port) + ", data in " + directory);
        return database;
    }

    /**
     * Connection settings for an embedded server that another process (a running Klarefi) keeps on
     * this data directory, read from PostgreSQL's own lock file, so admin commands can join it:
     * through its socket, or on 127.0.0.1 where it listens there.
     */
    public static Optional<ConnectionSettings> attached(Path dataDirectory, int poolSize, String password) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, ...
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            int port = Integer.parseInt(lines.get(3).trim());
            boolean listensOnTcp = lines.size() > 5 && !lines.get(5).isBlank();
            String url = listensOnTcp ? "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE
                    : socketUrl(directory.resolve(".s.PGSQL." + port));
            return Optional.of(new ConnectionSettings(url, Optional.of("postgres"), Optional.of(password), poolSize,
                    Duration.ofSeconds(10)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A URL that connects pgjdbc through the Unix socket file (its host part is not used). */
    private static String socketUrl(Path socketFile) {
        return "jdbc:postgresql://localhost/" + DATABASE + "?socketFactory=" + URLEncoder.encode(SOCKET_FACTORY, StandardCharsets.UTF_8)
                + "&socketFactoryArg=" + URLEncoder.encode(socketFile.toString(), StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return socket.map(EmbeddedDatabase::socketUrl).orElseGet(() -> postgres.getJdbcUrl("postgres", DATABASE));
    }

    /** The Unix socket the server listens on, if it does (see the class comment). */
    public Optional<Path> socket() {
        return socket;
    }

    public int port() {
        return postgres.getPort();
    }

    public ConnectionSettings connectionSettings(int poolSize) {
        return new ConnectionSettings(jdbcUrl(), Optional.of("postgres"), Optional.of(password), poolSize, Duration.ofSeconds(10));
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
            String wanted = socket.isPresent() ? PASSWORD_RULES : LOOPBACK_RULES;
            if (!Files.isRegularFile(rules) || !Files.readString(rules, StandardCharsets.UTF_8).equals(wanted)) {
                Files.writeString(rules, wanted, StandardCharsets.UTF_8);
                statement.execute("SELECT pg_reload_conf()");
                LOG.log(System.Logger.Level.INFO, "the embedded PostgreSQL now requires its password (scram-sha-256) for every connection");
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
