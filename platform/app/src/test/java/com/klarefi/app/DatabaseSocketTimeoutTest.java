package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.db.Database;
import com.klarefi.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A statement whose answer does not come within KLAREFI_DB_SOCKET_TIMEOUT_SECONDS fails instead of
 * holding its request or job (a frozen PostgreSQL looks the same as a slow one from here), the pool
 * goes on serving, and migrations, which may legitimately run long, are not bound by it.
 */
class DatabaseSocketTimeoutTest {
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void connect() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings().withSocketTimeout(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void disconnect() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aStatementWaitingLongerThanTheSocketTimeoutFailsAndThePoolRecovers() {
        long started = System.nanoTime();
        // SQL state class 08 (connection exception) is what the API answers with 503 database_unavailable.
        assertThatThrownBy(() -> database.inTransaction(tx -> tx.handle()
                        .createQuery("SELECT pg_sleep(30)")
                        .mapTo(String.class)
                        .one()))
                .hasStackTraceContaining("timed out")
                .satisfies(error -> assertThat(sqlStates(error)).anyMatch(state -> state.startsWith("08")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

        int answer = database.inTransaction(
                tx -> tx.handle().createQuery("SELECT 42").mapTo(Integer.class).one());
        assertThat(answer).isEqualTo(42);
    }

    private static List<String> sqlStates(Throwable error) {
        List<String> states = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }

    @Test
    void migrationsAreNotBoundByTheSocketTimeout() {
        database.migrate("klarefi_slow_migration");

        boolean created = database.inTransaction(tx -> tx.handle()
                .createQuery("SELECT to_regclass('klarefi_slow_migration.marker') IS NOT NULL")
                .mapTo(Boolean.class)
                .one());
        assertThat(created).isTrue();
    }
}
