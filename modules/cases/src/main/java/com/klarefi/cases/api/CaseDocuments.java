package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;

/**
 * What document intake and processing need of cases: which case a document joins, the case's lock
 * while its documents change, and a document's outcome. Writers pass the transaction they are in,
 * so a document's state and the events that report it commit together.
 */
public interface CaseDocuments {
    /** A case locked by the current transaction. */
    record LockedCase(String caseId, String caseTypeId) {}

    /**
     * The case a new document joins: the caller's case with the same {@code external_case_id}, or a
     * new one. A different case type on an existing case is a 400 {@code case_type_mismatch}.
     * Appends {@code document.received}.
     */
    String addDocument(Tx tx, Caller caller, CaseOpening opening, String docId);

    /**
     * Adds a document to a case of the caller that already exists and appends
     * {@code document.received}; returns the case, locked. Unknown to the caller: {@link IllegalArgumentException}.
     */
    LockedCase addDocument(Tx tx, Caller caller, String caseId, String docId);

    /**
     * Opens a case before any document arrives (a hosted intake session does), or joins the
     * caller's case with the same {@code external_case_id}; a different case type is a 400
     * {@code case_type_mismatch}. Returns the case id.
     */
    String openCase(Tx tx, Caller caller, CaseOpening opening);

    /** Locks a case for the rest of the transaction (see {@link #lockCaseOfDocument}). */
    LockedCase lockCase(Tx tx, String caseId);

    /**
     * Locks the case of a document for the rest of the transaction and returns its id and case type,
     * so features can be recomputed without another writer changing its documents meanwhile.
     */
    LockedCase lockCaseOfDocument(Tx tx, String docId);

    /** Records the outcome and appends {@code document.processed}/{@code document.failed} and {@code case.updated}. */
    void documentFinished(Tx tx, String docId, DocumentOutcome outcome);

    /**
     * A failed document goes through processing again: it waits once more, and the case, processing
     * again, appends {@code case.updated}; its outcome arrives later through {@link #documentFinished}.
     */
    void documentRequeued(Tx tx, String docId);
}
