package com.klarefi.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL listens only on a Unix socket in its data directory, lets in only who
 * gives its password, also from this machine, and acknowledges a commit only once it is durable;
 * an installation that trusted every local connection on TCP is secured at its next start, its
 * data kept.
 */
class EmbeddedDatabaseTest {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @Test
    void aNewDatabaseRefusesConnectionsWithoutItsPasswordAndCommitsSynchronously(@TempDir Path data) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres"), 0, PASSWORD)) {
            SQLException refused = catchThrowableOfType(SQLException.class, () -> connect(database, null).close());
            assertThat((Throwable) refused).as("a connection without the password").isNotNull();
            assertThat(refused.getSQLState()).isIn("28P01", "28000", "08004");
            assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> connect(database, "wrong").close())).isNotNull();

            try (Connection connection = connect(database, PASSWORD)) {
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void itListensOnASocketInItsOwnDirectoryAndOnNoTcpPort(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port, PASSWORD)) {
            assertThat(database.socket()).contains(directory.toAbsolutePath().resolve(".s.PGSQL." + port));
            assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (Connection connection = connect(database, PASSWORD)) {
                assertThat(setting(connection, "listen_addresses")).isEmpty();
            }
            assertThat(catchThrowableOfType(ConnectException.class, () -> new Socket("127.0.0.1", port).close()))
                    .as("a TCP connection to the port that names the socket").isNotNull();
            assertThat(EmbeddedDatabase.attached(directory, 1, PASSWORD)).get().extracting(ConnectionSettings::url)
                    .isEqualTo(database.jdbcUrl());
        }
    }

    @Test
    void anInstallationThatTrustedLocalConnectionsIsSecuredInPlace(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             Connection connection = before.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE klarefi");
            try (Connection withoutPassword = connect(before.getPort(), null)) {
                assertThat(withoutPassword.isValid(5)).as("the old installation trusts local connections").isTrue();
            }
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0, PASSWORD)) {
            assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> connect(database, null).close())).isNotNull();
            try (Connection connection = connect(database, PASSWORD)) {
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).as("the TCP listener is gone").isEmpty();
            }
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("host ");
        }
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
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
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
