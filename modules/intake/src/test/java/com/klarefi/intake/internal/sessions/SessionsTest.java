package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEvent.SessionCompleted;
import com.klarefi.cases.api.CaseEvent.SessionExpired;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.CasesModule;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.intake.api.IntakeModule;
import com.klarefi.intake.internal.db.SessionRepository;
import com.klarefi.intake.internal.db.StatementRepository;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.json.Json;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Documents;
import com.klarefi.processing.api.ProcessingModule;
import com.klarefi.testing.TestClock;
import com.klarefi.testing.TestDatabase;
import com.klarefi.testing.TestPlatforms;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions over a real database with the real cases and processing modules. */
class SessionsTest {
    private static final Caller CALLER = new Caller("org_sessions", Environment.TEST, "key_1");
    private static TestDatabase testDatabase;
    private static Database database;
    private static TestClock clock;
    private static Cases cases;
    private static Documents documents;
    private static Sessions sessions;
    private static Corrections corrections;
    private static final List<LoggedCaseEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        clock = TestClock.frozenAt(Instant.parse("2026-01-15T10:00:00Z"));
        Platform platform = TestPlatforms.create(database, Map.of(), clock);
        cases = CasesModule.create(platform);
        documents = ProcessingModule.create(platform, cases);
        database.migrate(IntakeModule.NAME);
        StatementRepository statements = new StatementRepository(database.jdbi());
        cases.addStatementSource(statements::ofCase);
        cases.addEventListener((tx, org, environment, event) -> EVENTS.add(event));
        sessions = new Sessions(
                new SessionRepository(database.jdbi()),
                statements,
                cases,
                documents,
                database,
                new SessionTokens(new byte[32]),
                URI.create("https://intake.example/"),
                clock);
        corrections = new Corrections(statements, cases, documents);
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void theSignedUrlStartsWithThePublicBaseUrl() {
        Session session = create(1);

        assertThat(sessions.signedUrl(session)).startsWith("https://intake.example/s/" + session.id() + "?token=");
    }

    @Test
    void anOpenSessionPastItsExpiryIsExpiredOnceAndItsCaseIsTold() {
        Session session = create(1);
        sessions.expireDue();

        clock.advance(Duration.ofMinutes(61));
        sessions.expireDue();
        int again = sessions.expireDue();

        assertThat(again).isZero();
        assertThat(sessions.find(session.id()).orElseThrow().status()).isEqualTo(Session.EXPIRED);
        assertThat(eventsOf(session.caseId())).containsExactly(new SessionExpired(session.caseId(), session.id()));
        assertThat(sessions.whileOpen(session.id(), (tx, locked) -> true)).isEmpty();
    }

    @Test
    void aCompletedSessionIsReportedAndNeverExpires() {
        Session session = create(1);

        sessions.whileOpen(session.id(), (tx, locked) -> {
            sessions.complete(tx, locked);
            return true;
        });
        clock.advance(Duration.ofHours(2));
        sessions.expireDue();

        assertThat(sessions.find(session.id()).orElseThrow().status()).isEqualTo(Session.COMPLETED);
        assertThat(eventsOf(session.caseId()))
                .containsExactly(new SessionCompleted(session.caseId(), session.id(), 0, 0));
    }

    @Test
    void aCorrectionSurvivesRecomputationAndALaterOneReplacesIt() {
        Session session = create(24);

        assertThat(correct(session, "4 februari 2023")).isEmpty();
        database.useTransaction(tx -> documents.recomputeFeatures(tx, session.caseId()));
        assertThat(selectedValue(session, "incident_date")).isEqualTo("2023-02-04");
        assertThat(correct(session, "2023-02-05")).isEmpty();

        CaseFeature feature = feature(session, "incident_date");
        assertThat(feature.candidates())
                .singleElement()
                .satisfies(candidate -> assertThat(candidate.valueNormalized()).isEqualTo("2023-02-05"));
        assertThat(feature.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.method()).isEqualTo(CaseFeature.Evidence.APPLICANT_STATEMENT);
            assertThat(evidence.sessionId()).contains(session.id());
            assertThat(evidence.quote()).isEqualTo("2023-02-05");
        });
    }

    @Test
    void clearingAValueRecordsTheApplicantsStatementThatThereIsNone() {
        Session session = create(24);
        correct(session, "4 februari 2023");

        correct(session, "");

        CaseFeature feature = feature(session, "incident_date");
        assertThat(feature.decision().outcome()).isEqualTo("missing");
        assertThat(feature.decision().reason()).contains(ApplicantStatement.STATED_ABSENT);
        assertThat(valueShown(session, "incident_date").source()).isEqualTo(Corrections.Source.ABSENT);
        assertThat(correct(session, "")).as("clearing again changes nothing").isEmpty();
    }

    @Test
    void aSaveWithOneUnreadableValueKeepsTheReadableOnesAndNamesTheOther() {
        Session session = create(24);

        Corrections.Applied applied = sessions.whileOpen(
                        session.id(),
                        (tx, locked) -> corrections.apply(
                                tx,
                                locked,
                                Map.of("incident_date", "next tuesday", "license_plate", "GV-123-K"),
                                sessions.now()))
                .orElseThrow();

        assertThat(applied.unreadable()).containsOnlyKeys("incident_date");
        assertThat(applied.stored()).isEqualTo(1);
        assertThat(selectedValue(session, "license_plate")).isEqualTo("GV-123-K");
    }

    @Test
    void aFeatureTheFormDidNotHoldIsLeftAlone() {
        Session session = create(24);
        correct(session, "4 februari 2023");

        sessions.whileOpen(session.id(), (tx, locked) -> corrections.apply(tx, locked, Map.of(), sessions.now()));

        assertThat(selectedValue(session, "incident_date")).isEqualTo("2023-02-04");
    }

    @Test
    void anUnreadableCorrectionStoresNothing() {
        Session session = create(24);

        assertThat(correct(session, "next tuesday")).containsKey("incident_date");
        assertThat(cases.features(session.caseId())).isEmpty();
    }

    private static Map<String, ?> correct(Session session, String date) {
        return sessions.whileOpen(
                        session.id(),
                        (tx, locked) -> corrections.apply(tx, locked, Map.of("incident_date", date), sessions.now()))
                .orElseThrow()
                .unreadable();
    }

    private static Corrections.FeatureValue valueShown(Session session, String featureId) {
        return corrections.values(session).stream()
                .filter(value -> value.feature().id().equals(featureId))
                .findFirst()
                .orElseThrow();
    }

    private static String selectedValue(Session session, String featureId) {
        CaseFeature feature = feature(session, featureId);
        return feature.candidates().stream()
                .filter(candidate -> feature.decision().selectedCandidateIds().contains(candidate.candidateId()))
                .map(CaseFeature.Candidate::valueNormalized)
                .findFirst()
                .orElseThrow();
    }

    private static CaseFeature feature(Session session, String featureId) {
        return cases.features(session.caseId()).stream()
                .filter(feature -> feature.featureId().equals(featureId))
                .findFirst()
                .orElseThrow();
    }

    private static Session create(int ttlHours) {
        JsonNode body = Json.read("{\"case_type_id\": \"motor_claim\", \"ttl_hours\": " + ttlHours + "}");
        SessionRequest request = SessionRequest.from(body, documents::caseType, 720);
        return database.inTransaction(tx -> sessions.create(tx, CALLER, request));
    }

    private static List<CaseEvent> eventsOf(String caseId) {
        return EVENTS.stream()
                .filter(event -> event.caseId().equals(caseId))
                .map(LoggedCaseEvent::event)
                .toList();
    }
}
