package com.klarefi.testing;

import com.klarefi.platform.db.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, uniquely named PostgreSQL database for one test class, dropped on close. The server
 * behind it is found once per JVM by {@link TestServers}: a Testcontainers container where a
 * Docker engine runs, else a configured or local server, else the embedded PostgreSQL the binary
 * itself uses.
 */
public final class TestDatabase implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMddHHmmss");

    private final TestServers.Server server;
    private final String name;

    private TestDatabase(TestServers.Server server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase create() {
        TestServers.Server server = TestServers.shared();
        String name = "klarefi_test_" + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)
                        .toLowerCase(Locale.ROOT);
        server.execute("CREATE DATABASE " + name);
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.urlFor(name);
    }

    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(
                jdbcUrl(), Optional.of(server.user()), server.password(), 10, Duration.ofSeconds(10));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(), server.user(), server.password().orElse(null));
    }

    /** Runs one statement in this database, e.g. to inspect what a test left behind. */
    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String serverKind() {
        return server.kind();
    }

    @Override
    public void close() {
        server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
