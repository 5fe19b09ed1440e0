package com.klarefi.processing.api;

import com.klarefi.extraction.api.InvalidCaseTypeException;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import java.util.List;
import java.util.Optional;

/** The processing module: documents, their text layers and the features computed from them. */
public interface Processing extends Documents {
    /**
     * The caller's document, locked for the rest of the transaction (before its case is locked, the
     * same order the processing job takes), or empty when the caller has no such document.
     */
    Optional<ErasableDocument> lockForErasure(Tx tx, Caller caller, String docId);

    /**
     * Deletes the document, its bytes and its pages, and recomputes its case's features from the
     * documents that remain. A job still working on the document finds it gone and stops; whatever
     * it tries to write afterwards is refused.
     */
    void eraseDocument(Tx tx, ErasableDocument document);

    /**
     * Sends a failed document through processing again, fetching it again when its content was
     * never stored; 409 {@code document_not_failed} when it has not failed (or no longer), 404
     * {@code document_not_found} when there is no such document.
     */
    void retryDocument(String docId);

    /** Every case type this installation knows, later sources overriding earlier ones. */
    List<CaseTypeDefinition> caseTypes();

    Optional<CaseTypeDefinition> caseTypeDefinition(String caseTypeId);

    /**
     * Validates and stores an operator's definition for every instance.
     *
     * @throws InvalidCaseTypeException listing every problem with its JSON path
     */
    CaseTypeDefinition putCaseType(String caseTypeId, String json);

    /**
     * Where the document came from: the URL it was fetched from, or {@code upload:<filename>} for a
     * file uploaded on the intake page; empty when there is no such document (or it was erased).
     */
    Optional<String> documentSource(String docId);

    /** A page of the organisation's document in that environment, or empty when there is none (yet). */
    Optional<PageText> pageText(String orgId, Environment environment, String docId, int pageIndex);

    /**
     * The page as people see it, PNG at most {@code maxWidth} pixels wide: a PDF page rendered, a
     * scan's image; empty for text and e-mail (their page text is what they look like), and when the
     * organisation has no such document or its content is no longer stored.
     */
    Optional<byte[]> pageImage(String orgId, Environment environment, String docId, int pageIndex, int maxWidth);
}
