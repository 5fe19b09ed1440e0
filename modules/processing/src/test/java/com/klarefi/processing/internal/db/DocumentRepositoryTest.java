package com.klarefi.processing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.api.ProcessingModule;
import com.klarefi.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Documents and their pages against a real PostgreSQL with the module's migrations. */
class DocumentRepositoryTest {
    private static final Caller CALLER = new Caller("org_documents", Environment.TEST, "key_1");
    private static final Caller OTHER_ORGANISATION = new Caller("org_other", Environment.TEST, "key_2");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static TestDatabase testDatabase;
    private static Database database;
    private static DocumentRepository documents;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate(ProcessingModule.NAME);
        documents = new DocumentRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aProcessedDocumentsPagesAreReadBackWithTheirWordBoxesOnlyByItsOrganisation() {
        String caseId = newId("case");
        String docId = accepted(caseId, NOW);
        PageLayer page = new PageLayer(
                0,
                "Kenteken GV-123-K",
                TextMethod.OCR,
                595f,
                842f,
                List.of(new Word(9, 17, 0.1f, 0.2f, 0.3f, 0.25f, 0.87f)));

        assertThat(documents.startAttempt(docId, NOW))
                .map(DocumentRecord::attempts)
                .contains(0);
        database.useTransaction(tx -> {
            assertThat(documents.markProcessed(tx, docId, 1, NOW)).isTrue();
            documents.insertPages(tx, docId, List.of(page));
        });

        DocumentRepository.StoredPage stored = documents.page(CALLER, docId, 0).orElseThrow();
        assertThat(stored.text()).isEqualTo("Kenteken GV-123-K");
        assertThat(stored.textMethod()).isEqualTo(TextMethod.OCR);
        assertThat(stored.pageCount()).isEqualTo(1);
        assertThat(stored.words()).isEqualTo(page.words());
        assertThat(documents.page(OTHER_ORGANISATION, docId, 0)).isEmpty();
        assertThat(documents.stateFor(CALLER, docId))
                .map(DocumentRepository.DocumentState::status)
                .contains("processed");
    }

    @Test
    void aFinishedDocumentIsNotFinishedAgainNorStartedAgain() {
        String docId = accepted(newId("case"), NOW);
        documents.startAttempt(docId, NOW);
        database.useTransaction(tx -> assertThat(documents.markFailed(tx, docId, "fetch_failed", "gone", 404, NOW))
                .isTrue());

        database.useTransaction(tx -> {
            assertThat(documents.markProcessed(tx, docId, 1, NOW)).isFalse();
            assertThat(documents.markFailed(tx, docId, "fetch_failed", "again", 404, NOW))
                    .isFalse();
        });
        assertThat(documents.startAttempt(docId, NOW)).isEmpty();
        assertThat(documents.stateFor(CALLER, docId))
                .contains(new DocumentRepository.DocumentState("failed", Optional.of("fetch_failed")));
    }

    @Test
    void onlyAFailedDocumentIsQueuedAgainAndItsAttemptsStartOver() {
        String docId = accepted(newId("case"), NOW);
        documents.startAttempt(docId, NOW);
        database.useTransaction(
                tx -> assertThat(documents.requeueFailed(tx, docId, NOW)).isFalse());
        database.useTransaction(tx -> documents.markFailed(tx, docId, "timeout", "slow", null, NOW));

        database.useTransaction(
                tx -> assertThat(documents.requeueFailed(tx, docId, NOW)).isTrue());

        DocumentRecord requeued = documents.find(docId).orElseThrow();
        assertThat(requeued.status()).isEqualTo("queued");
        assertThat(requeued.attempts()).isZero();
        assertThat(documents.stateFor(CALLER, docId))
                .contains(new DocumentRepository.DocumentState("queued", Optional.empty()));
    }

    @Test
    void aCasesTextsAreItsProcessedDocumentsInTheOrderTheyCameWithAKnownOneTakenAsGiven() {
        String caseId = newId("case");
        String first = processed(caseId, NOW, "first page");
        String unfinished = accepted(caseId, NOW.plusSeconds(1));
        String known = processed(caseId, NOW.plusSeconds(2), "as stored");
        DocumentText justWritten =
                new DocumentText(known, List.of(new PageLayer(0, "as given", TextMethod.TEXT, 1f, 1f, List.of())));

        List<DocumentText> texts =
                database.inTransaction(tx -> documents.textsOfCase(tx, caseId, Optional.of(justWritten)));

        assertThat(texts)
                .extracting(DocumentText::docId)
                .containsExactly(first, known)
                .doesNotContain(unfinished);
        assertThat(texts.get(0).pages()).extracting(PageLayer::text).containsExactly("first page");
        assertThat(texts.get(1)).isEqualTo(justWritten);
    }

    @Test
    void anErasedDocumentIsLockedOnlyForItsOrganisationAndTakesItsPagesWithIt() {
        String caseId = newId("case");
        String docId = processed(caseId, NOW, "to be erased");

        Optional<ErasableDocument> otherOrganisations =
                database.inTransaction(tx -> documents.lockForErasure(tx, OTHER_ORGANISATION, docId));
        assertThat(otherOrganisations).isEmpty();
        database.useTransaction(tx -> {
            assertThat(documents.lockForErasure(tx, CALLER, docId))
                    .map(ErasableDocument::caseId)
                    .contains(caseId);
            documents.delete(tx, docId);
        });

        assertThat(documents.find(docId)).isEmpty();
        assertThat(documents.page(CALLER, docId, 0)).isEmpty();
    }

    @Test
    void storedContentIsReadBackAndTheDocumentSaysItHasSome() {
        String docId = accepted(newId("case"), NOW);
        documents.startAttempt(docId, NOW);

        documents.storeContent(docId, new byte[] {1, 2, 3}, "abc", "application/pdf", 200, NOW);

        assertThat(documents.content(docId))
                .hasValueSatisfying(content -> assertThat(content).containsExactly(1, 2, 3));
        DocumentRecord found = documents.find(docId).orElseThrow();
        assertThat(found.hasContent()).isTrue();
        assertThat(found.mediaType()).contains("application/pdf");
    }

    private static String accepted(String caseId, Instant at) {
        String docId = newId("doc");
        database.useTransaction(
                tx -> documents.insert(tx, docId, CALLER, caseId, "motor_claim", "https://example.test/" + docId, at));
        return docId;
    }

    private static String processed(String caseId, Instant at, String text) {
        String docId = accepted(caseId, at);
        documents.startAttempt(docId, at);
        database.useTransaction(tx -> {
            documents.markProcessed(tx, docId, 1, at);
            documents.insertPages(tx, docId, List.of(new PageLayer(0, text, TextMethod.TEXT, 1f, 1f, List.of())));
        });
        return docId;
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
