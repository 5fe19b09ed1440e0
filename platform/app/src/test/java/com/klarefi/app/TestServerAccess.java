package com.klarefi.app;

import com.klarefi.auth.api.CreatedOrganisation;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/** Lets tests in other packages start an in-process server and use its operator functions. */
public final class TestServerAccess {
    private TestServerAccess() {}

    public static Running start(TestDatabase database, Path dataDirectory, Map<String, String> overrides) {
        return new Running(TestServers.start(database, dataDirectory, overrides), database);
    }

    /** A running instance as tests see it. */
    public record Running(KlarefiServer server, TestDatabase database) implements AutoCloseable {
        public int port() {
            return server.port();
        }

        public int adminPort() {
            return server.adminPort();
        }

        /** A new organisation's keys: {@code test} and {@code live}. */
        public Map<String, String> newOrganisation(String name) {
            CreatedOrganisation created = server.organisations().create(name);
            return Map.of(
                    "test",
                    created.testKey().secret(),
                    "live",
                    created.liveKey().secret(),
                    "org_id",
                    created.orgId());
        }

        /** A dashboard account with this e-mail and password. */
        public void newOperator(String email, String password) {
            server.operators().create(email, password);
        }

        public String adminToken() {
            return server.organisations().createAdminToken("tests");
        }

        /** The case a document joined, read from the database (tests of failing documents need it). */
        public String caseOfDocument(String docId) {
            try (var connection = database.connect();
                    var statement =
                            connection.prepareStatement("SELECT case_id FROM cases.case_documents WHERE doc_id = ?")) {
                statement.setString(1, docId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs SQL against the instance's database (tests that age sessions or inspect rows). */
        public void execute(String sql) {
            try (var connection = database.connect();
                    var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
