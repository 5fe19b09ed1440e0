package com.klarefi.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets in only who gives its password, also from this machine, and
 * acknowledges a commit only once it is durable; an installation that trusted every local
 * connection is secured at its next start, its data kept.
 */
class EmbeddedDatabaseTest {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @Test
    void aNewDatabaseRefusesConnectionsWithoutItsPasswordAndCommitsSynchronously(@TempDir Path data) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres"), 0, PASSWORD)) {
            SQLException refused = catchThrowableOfType(
                    SQLException.class, () -> connect(database.port(), null).close());
            assertThat((Throwable) refused)
                    .as("a connection without the password")
                    .isNotNull();
            assertThat(refused.getSQLState()).isIn("28P01", "28000", "08004");
            assertThat((Throwable) catchThrowableOfType(
                            SQLException.class,
                            () -> connect(database.port(), "wrong").close()))
                    .isNotNull();

            try (Connection connection = connect(database.port(), PASSWORD)) {
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void anInstallationThatTrustedLocalConnectionsIsSecuredInPlace(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = before.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE klarefi");
            try (Connection withoutPassword = connect(before.getPort(), null)) {
                assertThat(withoutPassword.isValid(5))
                        .as("the old installation trusts local connections")
                        .isTrue();
            }
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0, PASSWORD)) {
            assertThat((Throwable) catchThrowableOfType(
                            SQLException.class,
                            () -> connect(database.port(), null).close()))
                    .isNotNull();
            try (Connection connection = connect(database.port(), PASSWORD)) {
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            }
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/klarefi", properties);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
