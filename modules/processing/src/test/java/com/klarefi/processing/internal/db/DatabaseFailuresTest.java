package com.klarefi.processing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.jobs.ContentFreeException;
import com.klarefi.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A statement the database refuses fails with an exception that quotes none of the values bound to
 * it: such exceptions reach the log and JobRunr's job history, which erasure cannot reach.
 */
class DatabaseFailuresTest {
    private static final String CANARY = "CANARY-4d1f Jan Jansen NL91ABNA0417164300";
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void connect() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        testDatabase.execute("CREATE TABLE notes (id int PRIMARY KEY, text text UNIQUE, words jsonb)");
    }

    @AfterAll
    static void close() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aTextWithANulCharacterFailsWithoutQuotingTheText() {
        Throwable failure = catchThrowable(() -> database.jdbi()
                .useHandle(handle -> handle.prepareBatch("INSERT INTO notes (id, text) VALUES (:id, :text)")
                        .bind("id", 1)
                        .bind("text", CANARY + "\0")
                        .add()
                        .execute()));

        assertThat(failure).isNotNull();
        assertThat(everythingPrinted(failure)).doesNotContain("CANARY");
    }

    @Test
    void aDuplicateFailsWithoutTheServerQuotingTheRow() {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("INSERT INTO notes (id, text) VALUES (2, :text)")
                        .bind("text", CANARY + " twice")
                        .execute());

        Throwable failure = catchThrowable(() -> database.jdbi()
                .useHandle(handle -> handle.createUpdate("INSERT INTO notes (id, text) VALUES (3, :text)")
                        .bind("text", CANARY + " twice")
                        .execute()));

        assertThat(failure).isNotNull();
        assertThat(everythingPrinted(failure)).doesNotContain("CANARY");
    }

    @Test
    void aFailureMadeContentFreeKeepsItsTypesAndSqlStateButNoMessage() {
        Throwable failure = catchThrowable(() -> database.jdbi()
                .useHandle(
                        handle -> handle.createUpdate("INSERT INTO notes (id, words) VALUES (4, CAST(:words AS jsonb))")
                                .bind("words", "[\"" + CANARY)
                                .execute()));

        ContentFreeException stored =
                ContentFreeException.of("document doc_1 failed", new IllegalStateException(CANARY, failure));

        assertThat(everythingPrinted(stored))
                .doesNotContain("CANARY")
                .contains("doc_1")
                .contains("org.jdbi.v3.core.statement.UnableToExecuteStatementException")
                .contains("SQL state 22P02");
    }

    /** What a log handler or JobRunr's failed state would keep: the printed stack trace, causes and suppressed ones included. */
    private static String everythingPrinted(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        return printed.toString();
    }
}
