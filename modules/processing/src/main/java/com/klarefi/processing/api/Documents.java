package com.klarefi.processing.api;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.KlarefiModule;
import java.util.Optional;

/**
 * The processing module as other modules use it: documents that arrive as bytes (an applicant's
 * upload) rather than as a URL, the case types, and recomputing a case's features on demand.
 */
public interface Documents extends KlarefiModule {
    /**
     * Accepts uploaded bytes as a document of the caller's existing case, inside the caller's
     * transaction: the content is stored at once (its source is recorded as {@code upload:<filename>}),
     * so the processing job reads it without fetching. Call {@link #enqueue} after the commit.
     *
     * @return the new document's id
     * @throws DocumentFailure {@code too_large} or {@code unsupported_media_type}: the same limits as fetched documents
     */
    String acceptUpload(Tx tx, Caller caller, String caseId, byte[] content, String filename);

    /** Enqueues the document's job after its acceptance committed; a failure is left to the reconciler. */
    void enqueue(String docId);

    /** The largest document accepted, fetched or uploaded. */
    long maxDocumentBytes();

    Optional<CaseType> caseType(String caseTypeId);

    /**
     * What a person typed, read as a value of the feature the way documents are read
     * ({@code 3 februari 2023} becomes {@code 2023-02-03}); empty when it is not such a value.
     */
    Optional<String> normalize(FeatureDefinition feature, String typed);

    /** Recomputes the case's features from its documents (and statements) under the case's lock. */
    void recomputeFeatures(Tx tx, String caseId);
}
