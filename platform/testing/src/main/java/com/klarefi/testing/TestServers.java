package com.klarefi.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds the PostgreSQL server that tests use, once per JVM, in this order:
 * <ol>
 *   <li>{@code KLAREFI_TEST_DB_URL} (with {@code KLAREFI_TEST_DB_USER}/{@code _PASSWORD}): a server
 *       the developer or CI names explicitly;</li>
 *   <li>a Testcontainers PostgreSQL, when a Docker engine answers;</li>
 *   <li>a local server on 127.0.0.1:5432 that accepts user {@code postgres};</li>
 *   <li>the embedded PostgreSQL that the binary uses, in a temporary directory.</li>
 * </ol>
 * {@code KLAREFI_TEST_DB=embedded} skips straight to the last.
 */
final class TestServers {
    private static Server shared;

    static {
        // Test classes share one JVM: a server closed by an earlier class may still have a worker
        // thread failing on its dropped database. Awaitility would blame whichever test is waiting.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    private TestServers() {}

    static synchronized Server shared() {
        if (shared == null) {
            shared = find();
        }
        return shared;
    }

    record Server(String kind, String host, int port, String user, Optional<String> password) {
        String urlFor(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(urlFor("postgres"), user, password.orElse(null));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database server (" + kind + ") refused: " + sql, e);
            }
        }
    }

    private static Server find() {
        // KLAREFI_TEST_DB=embedded forces the last resort, to check what a machine without
        // PostgreSQL gets; anything else (or nothing) searches in the documented order.
        if ("embedded".equals(env("KLAREFI_TEST_DB").orElse("auto"))) {
            return embedded();
        }
        Optional<String> configured = env("KLAREFI_TEST_DB_URL");
        if (configured.isPresent()) {
            return configured(configured.get());
        }
        if (dockerLikely() && DockerClientFactory.instance().isDockerAvailable()) {
            return container();
        }
        Server local = new Server(
                "local",
                "127.0.0.1",
                5432,
                env("KLAREFI_TEST_DB_USER").orElse("postgres"),
                env("KLAREFI_TEST_DB_PASSWORD"));
        if (answers(local)) {
            return local;
        }
        return embedded();
    }

    private static Server configured(String url) {
        URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        Server server = new Server(
                "configured",
                uri.getHost(),
                port,
                env("KLAREFI_TEST_DB_USER").orElse("postgres"),
                env("KLAREFI_TEST_DB_PASSWORD"));
        if (!answers(server)) {
            throw new IllegalStateException(
                    "KLAREFI_TEST_DB_URL is set to " + url + " but no PostgreSQL answers there");
        }
        return server;
    }

    /** Asking Testcontainers costs seconds when there is no engine; only ask when one may exist. */
    private static boolean dockerLikely() {
        return env("DOCKER_HOST").isPresent() || Files.exists(Path.of("/var/run/docker.sock"));
    }

    @SuppressWarnings("resource")
    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
        return new Server(
                "testcontainers",
                container.getHost(),
                container.getMappedPort(5432),
                container.getUsername(),
                Optional.of(container.getPassword()));
    }

    private static Server embedded() {
        try {
            Path directory = Files.createTempDirectory("klarefi-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException ignored) {
                                    // the JVM is exiting; the temporary directory goes with the machine
                                }
                            },
                            "test-postgres-stop"));
            return new Server("embedded", "localhost", postgres.getPort(), "postgres", Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL for tests", e);
        }
    }

    private static boolean answers(Server server) {
        try (Connection ignored = DriverManager.getConnection(
                server.urlFor("postgres") + "?connectTimeout=2",
                server.user(),
                server.password().orElse(null))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
