package com.klarefi.auth.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operators, sessions and failed sign-ins against a real PostgreSQL with the module's migrations. */
class OperatorRepositoryTest {
    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

    private static TestDatabase testDatabase;
    private static Database database;
    private static OperatorRepository operators;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate("auth");
        operators = new OperatorRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void anEmailIsTakenOnceWhateverItsCaseAndSignInFindsItLowerCased() {
        String id = anOperatorId();
        String email = "Ops." + id + "@Example.org";

        assertThat(operators.insert(id, email, "hash-1", NOW)).isTrue();
        assertThat(operators.insert(anOperatorId(), email.toUpperCase(), "hash-2", NOW))
                .isFalse();

        OperatorRepository.Credentials found = operators
                .inTransaction(tx -> operators.credentials(tx, email.toLowerCase()))
                .orElseThrow();
        assertThat(found.operator().operatorId()).isEqualTo(id);
        assertThat(found.operator().email()).isEqualTo(email);
        assertThat(found.passwordHash()).isEqualTo("hash-1");
    }

    @Test
    void aSessionIsFoundUntilItIsIdleTooLongExpiresOrIsDeleted() {
        String id = anOperatorId();
        operators.insert(id, id + "@example.org", "hash", NOW);
        operators.inTransaction(tx -> {
            operators.insertSession(tx, "token-" + id, id, "csrf-" + id, NOW, NOW.plus(Duration.ofHours(8)));
            return null;
        });

        Instant later = NOW.plus(Duration.ofMinutes(10));
        assertThat(operators.touchSession("token-" + id, later, later.minus(Duration.ofMinutes(30))))
                .hasValueSatisfying(session -> assertThat(session.csrfToken()).isEqualTo("csrf-" + id));
        assertThat(operators.touchSession("token-" + id, later, later.plus(Duration.ofMinutes(1))))
                .as("seen last before the idle limit")
                .isEmpty();
        assertThat(operators.touchSession("token-" + id, NOW.plus(Duration.ofHours(9)), NOW))
                .as("expired")
                .isEmpty();

        operators.deleteSession("token-" + id);
        assertThat(operators.touchSession("token-" + id, later, NOW)).isEmpty();
    }

    @Test
    void failuresAreCountedSinceAMomentAndClearedPerEmail() {
        String email = anOperatorId() + "@example.org";
        operators.inTransaction(tx -> {
            operators.recordFailure(tx, email, NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofDays(1)));
            operators.recordFailure(tx, email, NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofDays(1)));
            operators.recordFailure(tx, email, NOW, NOW.minus(Duration.ofDays(1)));
            return null;
        });

        List<Instant> recent =
                operators.inTransaction(tx -> operators.failuresSince(tx, email, NOW.minus(Duration.ofMinutes(15))));
        assertThat(recent).containsExactly(NOW.minus(Duration.ofMinutes(5)), NOW);

        operators.inTransaction(tx -> {
            operators.clearFailures(tx, email);
            return null;
        });
        List<Instant> left =
                operators.inTransaction(tx -> operators.failuresSince(tx, email, NOW.minus(Duration.ofDays(1))));
        assertThat(left).isEmpty();
    }

    private static String anOperatorId() {
        return "op_" + UUID.randomUUID().toString().replace("-", "");
    }
}
