package com.klarefi.cases.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.CasesModule;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.testing.TestDatabase;
import com.klarefi.testing.TestPlatforms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A case's decisions, candidates and evidence against a real PostgreSQL with the module's migrations. */
class FeatureRepositoryTest {
    private static final Caller CALLER = new Caller("org_features", Environment.TEST, "key_1");
    private static TestDatabase testDatabase;
    private static Database database;
    private static Cases cases;
    private static FeatureRepository features;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        cases = CasesModule.create(TestPlatforms.create(database, Map.of()));
        features = new FeatureRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void featuresAreReadBackAsTheyWereWrittenWithLocatedAndStatedEvidence() {
        String caseId = aCase();
        CaseFeature plate = new CaseFeature(
                "license_plate",
                new CaseFeature.Decision("dec_plate", "keep", List.of("cand_plate"), false, Optional.empty()),
                List.of(new CaseFeature.Candidate(
                        "cand_plate", "GV-123-K", "GV123K", 0.91, List.of("ev_page", "ev_said"))),
                List.of(
                        new CaseFeature.Evidence(
                                "ev_page",
                                "doc_1",
                                2,
                                10,
                                18,
                                Optional.of(List.of(0.1f, 0.2f, 0.3f, 0.4f)),
                                "GV-123-K",
                                "ocr",
                                OptionalDouble.of(0.87)),
                        CaseFeature.Evidence.statement("ev_said", "ses_1", "my plate is GV-123-K")));
        CaseFeature date = new CaseFeature(
                "incident_date",
                new CaseFeature.Decision("dec_date", "review", List.of(), true, Optional.of("conflicting values")),
                List.of(),
                List.of());

        database.useTransaction(tx -> features.replace(tx, caseId, List.of(plate, date)));

        assertThat(features.read(caseId)).containsExactly(date, plate);
    }

    @Test
    void replacingTheFeaturesLeavesNoRowOfTheOldOnesAndTheSnapshotNamesTheNewIds() {
        String caseId = aCase();
        database.useTransaction(tx -> features.replace(tx, caseId, List.of(aFeature("old"))));
        database.useTransaction(tx -> features.replace(tx, caseId, List.of(aFeature("new"))));

        assertThat(features.read(caseId)).containsExactly(aFeature("new"));
        var snapshot = database.inTransaction(tx -> features.snapshot(tx, caseId));
        assertThat(snapshot.evidenceIds()).isEqualTo(Set.of("ev_new"));
        assertThat(snapshot.candidateIds()).isEqualTo(Set.of("cand_new"));
        assertThat(snapshot.decisionIds()).isEqualTo(Set.of("dec_new"));
    }

    private static CaseFeature aFeature(String name) {
        return new CaseFeature(
                "policy_number",
                new CaseFeature.Decision("dec_" + name, "keep", List.of("cand_" + name), false, Optional.empty()),
                List.of(new CaseFeature.Candidate("cand_" + name, name, name, 0.5, List.of("ev_" + name))),
                List.of(new CaseFeature.Evidence(
                        "ev_" + name,
                        "doc_" + name,
                        0,
                        0,
                        name.length(),
                        Optional.empty(),
                        name,
                        "text_layer",
                        OptionalDouble.empty())));
    }

    private static String aCase() {
        return database.inTransaction(tx -> cases.openCase(
                tx,
                CALLER,
                new CaseOpening(
                        "motor_claim",
                        Optional.of("features-" + UUID.randomUUID()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    }
}
