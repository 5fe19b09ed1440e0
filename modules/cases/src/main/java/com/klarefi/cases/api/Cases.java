package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.KlarefiModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases, their documents' progress and their event log. Writers pass the transaction they are in,
 * so a document's state and the events that report it commit together.
 */
public interface Cases extends KlarefiModule {
    /** A case locked by the current transaction. */
    record LockedCase(String caseId, String caseTypeId) {
    }

    /**
     * The case a new document joins: the caller's case with the same {@code external_case_id}, or a
     * new one. A different case type on an existing case is a 400 {@code case_type_mismatch}.
     * Appends {@code document.received}.
     */
    String addDocument(Tx tx, Caller caller, CaseOpening opening, String docId);

    /**
     * Opens a case before any document arrives (a hosted intake session does), or joins the
     * caller's case with the same {@code external_case_id}; a different case type is a 400
     * {@code case_type_mismatch}. Returns the case id.
     */
    String openCase(Tx tx, Caller caller, CaseOpening opening);

    /**
     * Adds a document to a case of the caller that already exists and appends
     * {@code document.received}; returns the case, locked. Unknown to the caller: {@link IllegalArgumentException}.
     */
    LockedCase addDocument(Tx tx, Caller caller, String caseId, String docId);

    /** Locks a case for the rest of the transaction (see {@link #lockCaseOfDocument}). */
    LockedCase lockCase(Tx tx, String caseId);

    /**
     * Appends an event another module reports about the case (e.g. {@code session.completed}); the
     * case's correlation ids are added to {@code payload}, listeners are told as for any event.
     */
    CaseEvent appendEvent(Tx tx, String caseId, String eventType, Map<String, Object> payload);

    /** The case's current features. */
    List<CaseFeature> features(String caseId);

    /** The case's documents in the order they arrived, with their progress. */
    List<DocumentOutcome> documents(String caseId);

    /** Registers a source of applicant statements; call while wiring, before traffic. */
    void addStatementSource(ApplicantStatements source);

    /** Registers a listener for every appended event; call while wiring, before traffic. */
    void addEventListener(CaseEventListener listener);

    /**
     * Locks the case of a document for the rest of the transaction and returns its id and case type,
     * so features can be recomputed without another writer changing its documents meanwhile.
     */
    LockedCase lockCaseOfDocument(Tx tx, String docId);

    /**
     * Replaces all of the case's features with a fresh computation, to which the applicant
     * statements of every registered source are added.
     */
    void replaceFeatures(Tx tx, String caseId, List<CaseFeature> features);

    /** The case's current feature ids (inside a transaction that holds the case's lock). */
    FeatureSnapshot featureSnapshot(Tx tx, String caseId);

    /**
     * Erasure: removes the document from its case (the case's list of documents, and the document's
     * id from every event payload), leaving the log's cursors intact.
     */
    void removeDocument(Tx tx, String caseId, String docId);

    /** Erasure: appends {@code document.erased} (case and audit ids only) and {@code case.updated}. */
    void documentErased(Tx tx, String caseId, String auditId);

    /** Records the outcome and appends {@code document.processed}/{@code document.failed} and {@code case.updated}. */
    void documentFinished(Tx tx, String docId, DocumentOutcome outcome);

    /**
     * A failed document goes through processing again: it waits once more, and the case, processing
     * again, appends {@code case.updated}; its outcome arrives later through {@link #documentFinished}.
     */
    void documentRequeued(Tx tx, String docId);

    /** Operators' search across organisations (see {@link CaseSearch}); most recently changed first. */
    List<CaseSummary> search(CaseSearch search, int limit);

    /** A case of any organisation with its documents and features, for operators. */
    Optional<CaseView> view(String caseId);
}
