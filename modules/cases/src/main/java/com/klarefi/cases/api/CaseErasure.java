package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;

/** What erasing a document needs of its case: the lock, what the features were, and the removal. */
public interface CaseErasure {
    /** As {@link CaseDocuments#lockCaseOfDocument}. */
    CaseDocuments.LockedCase lockCaseOfDocument(Tx tx, String docId);

    /** As {@link CaseFeatures#featureSnapshot}. */
    FeatureSnapshot featureSnapshot(Tx tx, String caseId);

    /**
     * Removes the document from its case (the case's list of documents, and the document's id from
     * every event payload), leaving the log's cursors intact.
     */
    void removeDocument(Tx tx, String caseId, String docId);

    /** Appends {@code document.erased} (case and audit ids only) and {@code case.updated}. */
    void documentErased(Tx tx, String caseId, String auditId);
}
