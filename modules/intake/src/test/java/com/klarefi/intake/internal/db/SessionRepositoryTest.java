package com.klarefi.intake.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.intake.api.IntakeModule;
import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.platform.db.Database;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions, their uploads and the applicants' statements against a real PostgreSQL with the module's migrations. */
class SessionRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static TestDatabase testDatabase;
    private static Database database;
    private static SessionRepository sessions;
    private static StatementRepository statements;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate(IntakeModule.NAME);
        sessions = new SessionRepository(database.jdbi());
        statements = new StatementRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aSessionIsReadBackAsItWasStored() {
        Session session = anOpenSession(NOW.plus(Duration.ofHours(1)));

        assertThat(sessions.find(session.id())).contains(session);
        Optional<Session> locked = database.inTransaction(tx -> sessions.lock(tx, session.id()));
        assertThat(locked).contains(session);
    }

    @Test
    void aSessionEndsOnceAndKeepsItsFirstEnd() {
        Session session = anOpenSession(NOW.plus(Duration.ofHours(1)));

        boolean completed = database.inTransaction(tx -> sessions.end(tx, session.id(), Session.COMPLETED, NOW));
        boolean expiredLater =
                database.inTransaction(tx -> sessions.end(tx, session.id(), Session.EXPIRED, NOW.plusSeconds(60)));

        assertThat(completed).isTrue();
        assertThat(expiredLater).isFalse();
        Session ended = sessions.find(session.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(Session.COMPLETED);
        assertThat(ended.endedAt()).contains(NOW);
    }

    @Test
    void onlyOpenSessionsPastTheirExpiryAreDueOldestFirst() {
        Instant later = NOW.plus(Duration.ofDays(30));
        Session dueSecond = anOpenSession(later.minusSeconds(10));
        Session dueFirst = anOpenSession(later.minusSeconds(20));
        Session notYet = anOpenSession(later.plusSeconds(10));
        Session ended = anOpenSession(later.minusSeconds(30));
        database.useTransaction(tx -> sessions.end(tx, ended.id(), Session.CANCELLED, NOW));

        assertThat(sessions.dueForExpiry(later, 1000))
                .containsSubsequence(dueFirst.id(), dueSecond.id())
                .doesNotContain(notYet.id(), ended.id());
    }

    @Test
    void uploadsAreListedInTheOrderTheyCameAndAnErasedOneIsForgotten() {
        Session session = anOpenSession(NOW.plus(Duration.ofHours(1)));
        database.useTransaction(tx -> {
            sessions.addDocument(tx, session.id(), "doc_second", "back.jpg", NOW.plusSeconds(2));
            sessions.addDocument(tx, session.id(), "doc_first", "front.jpg", NOW.plusSeconds(1));
        });

        assertThat(sessions.documents(session.id()))
                .containsExactly(
                        new SessionRepository.SessionDocument("doc_first", "front.jpg"),
                        new SessionRepository.SessionDocument("doc_second", "back.jpg"));

        database.useTransaction(tx -> sessions.forgetUpload(tx, "doc_first"));
        assertThat(sessions.documents(session.id()))
                .extracting(SessionRepository.SessionDocument::docId)
                .containsExactly("doc_second");
    }

    @Test
    void aSecondStatementAboutTheSameFeatureInASessionReplacesTheFirst() {
        Session session = anOpenSession(NOW.plus(Duration.ofHours(1)));
        ApplicantStatement first =
                new ApplicantStatement(newId("stmt"), "incident_date", "3 maart", "2024-03-03", session.id(), NOW);
        ApplicantStatement corrected = new ApplicantStatement(
                newId("stmt"), "incident_date", "4 maart", "2024-03-04", session.id(), NOW.plusSeconds(5));
        ApplicantStatement absence =
                ApplicantStatement.absence(newId("stmt"), "plate", session.id(), NOW.plusSeconds(6));

        database.useTransaction(tx -> {
            statements.put(tx, session.caseId(), first);
            statements.put(tx, session.caseId(), corrected);
            statements.put(tx, session.caseId(), absence);
        });

        List<ApplicantStatement> ofCase = database.inTransaction(tx -> statements.ofCase(tx, session.caseId()));
        int ofSession = database.inTransaction(tx -> statements.countOfSession(tx, session.id()));
        assertThat(ofCase).containsExactly(corrected, absence);
        assertThat(ofSession).isEqualTo(2);
    }

    private static Session anOpenSession(Instant expiresAt) {
        Session session = new Session(
                newId("ses"),
                "org_intake",
                "test",
                "key_1",
                newId("case"),
                "motor_claim",
                "nl",
                Optional.of("https://customer.example/done"),
                Session.OPEN,
                NOW,
                expiresAt,
                Optional.empty());
        database.useTransaction(tx -> sessions.insert(tx, session));
        return session;
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
