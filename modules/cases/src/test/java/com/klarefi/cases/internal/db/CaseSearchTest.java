package com.klarefi.cases.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.CasesModule;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.testing.TestDatabase;
import com.klarefi.testing.TestPlatforms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operators' search over a real database: prefixes, filters, failed documents and the review queue. */
class CaseSearchTest {
    private static final Caller CALLER = new Caller("org_search", Environment.TEST, "key_1");
    private static TestDatabase testDatabase;
    private static Database database;
    private static Cases cases;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        cases = CasesModule.create(TestPlatforms.create(database, Map.of()));
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void theStartOfAnExternalIdFindsTheCaseAndLikeWildcardsAreTakenLiterally() {
        String external = "claim_" + UUID.randomUUID();
        String caseId = aCase(external);

        assertThat(ids(search(external.substring(0, 12)))).contains(caseId);
        assertThat(ids(search(caseId))).containsExactly(caseId);
        assertThat(ids(search("clai%"))).doesNotContain(caseId);
        assertThat(ids(search("claim%" + external.substring(6)))).isEmpty();
    }

    @Test
    void aProcessedCaseWithAFailedDocumentCountsItAndIsFoundByThatFilter() {
        String caseId = aCase("mixed-" + UUID.randomUUID());
        document(caseId, DocumentOutcome.processed("doc_ok_" + caseId, "text/plain", 1));
        document(caseId, DocumentOutcome.failed("doc_bad_" + caseId, "fetch_failed", "404"));

        CaseSummary found = cases.search(
                        new CaseSearch(
                                caseId,
                                Optional.of("processed"),
                                Optional.empty(),
                                Optional.of(CALLER.orgId()),
                                true,
                                false),
                        10)
                .getFirst();

        assertThat(found.status()).isEqualTo("processed");
        assertThat(found.failedDocuments()).isEqualTo(1);
        assertThat(cases.search(
                        new CaseSearch(
                                caseId, Optional.of("processing"), Optional.empty(), Optional.empty(), false, false),
                        10))
                .isEmpty();
    }

    @Test
    void theCaseTypeAndOrganisationFiltersKeepOnlyTheirCases() {
        String external = "filters-" + UUID.randomUUID();
        String motor = aCase(external + "-motor");
        String travel = database.inTransaction(tx -> cases.openCase(
                tx,
                new Caller("org_other", Environment.TEST, "key_2"),
                new CaseOpening(
                        "travel_claim",
                        Optional.of(external + "-travel"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));

        assertThat(ids(cases.search(
                        new CaseSearch(
                                external,
                                Optional.empty(),
                                Optional.of("travel_claim"),
                                Optional.empty(),
                                false,
                                false),
                        10)))
                .containsExactly(travel);
        assertThat(ids(cases.search(
                        new CaseSearch(
                                external,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(CALLER.orgId()),
                                false,
                                false),
                        10)))
                .containsExactly(motor);
    }

    @Test
    void aRequeuedDocumentNoLongerCountsAsFailedAndTheCaseIsProcessingAgain() {
        String caseId = aCase("requeued-" + UUID.randomUUID());
        document(caseId, DocumentOutcome.failed("doc_retry_" + caseId, "fetch_failed", "404"));
        assertThat(search(caseId).getFirst().status()).isEqualTo("failed");

        database.useTransaction(tx -> cases.documentRequeued(tx, "doc_retry_" + caseId));

        CaseSummary found = search(caseId).getFirst();
        assertThat(found.status()).isEqualTo("processing");
        assertThat(found.failedDocuments()).isZero();
        assertThat(cases.documents(caseId).getFirst().failureCode()).isEmpty();
    }

    @Test
    void aCaseIsProcessingWhileADocumentWaitsThenProcessedOrFailedWhenEveryDocumentFailed() {
        String waiting = aCase("waiting-" + UUID.randomUUID());
        String docId = "doc_wait_" + waiting;
        database.useTransaction(tx -> cases.addDocument(tx, CALLER, waiting, docId));
        assertThat(search(waiting).getFirst().status()).isEqualTo("processing");

        database.useTransaction(
                tx -> cases.documentFinished(tx, docId, DocumentOutcome.processed(docId, "text/plain", 1)));
        assertThat(search(waiting).getFirst().status()).isEqualTo("processed");

        String failing = aCase("failing-" + UUID.randomUUID());
        document(failing, DocumentOutcome.failed("doc_bad1_" + failing, "fetch_failed", "404"));
        document(failing, DocumentOutcome.failed("doc_bad2_" + failing, "document_unreadable", "corrupt"));
        assertThat(search(failing).getFirst().status()).isEqualTo("failed");
    }

    @Test
    void theReviewQueueHoldsTheCasesWithAValueDecidedReview() {
        String unsure = aCase("unsure-" + UUID.randomUUID());
        String sure = aCase("sure-" + UUID.randomUUID());
        database.useTransaction(tx -> {
            cases.replaceFeatures(tx, unsure, List.of(feature("review")));
            cases.replaceFeatures(tx, sure, List.of(feature("keep")));
        });

        List<String> queue = ids(cases.search(
                new CaseSearch("", Optional.empty(), Optional.empty(), Optional.of(CALLER.orgId()), false, true), 100));

        assertThat(queue).contains(unsure).doesNotContain(sure);
    }

    private static String aCase(String external) {
        return database.inTransaction(tx -> cases.openCase(
                tx,
                CALLER,
                new CaseOpening(
                        "motor_claim", Optional.of(external), Optional.empty(), Optional.empty(), Optional.empty())));
    }

    private static void document(String caseId, DocumentOutcome outcome) {
        database.useTransaction(tx -> {
            cases.addDocument(tx, CALLER, caseId, outcome.docId());
            cases.documentFinished(tx, outcome.docId(), outcome);
        });
    }

    private static CaseFeature feature(String outcome) {
        return new CaseFeature(
                "policy_number",
                new CaseFeature.Decision("dec_1", outcome, List.of("cand_1"), false, Optional.empty()),
                List.of(new CaseFeature.Candidate("cand_1", "AB-1", "AB-1", 0.6, List.of())),
                List.of());
    }

    private static List<CaseSummary> search(String text) {
        return cases.search(
                new CaseSearch(text, Optional.empty(), Optional.empty(), Optional.empty(), false, false), 10);
    }

    private static List<String> ids(List<CaseSummary> found) {
        return found.stream().map(CaseSummary::caseId).toList();
    }
}
