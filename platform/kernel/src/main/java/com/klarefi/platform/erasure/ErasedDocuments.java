package com.klarefi.platform.erasure;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a caller's erased document from one that never existed, so that every endpoint taking a
 * {@code doc_id} answers an erased one alike: 404 {@code document_erased} with the receipt's id.
 * The erasure module keeps the receipts; modules built before it look them up through this.
 */
@FunctionalInterface
public interface ErasedDocuments {
    ErasedDocuments NONE = (caller, docId) -> Optional.empty();

    /** The erasure of the caller's document (its organisation and environment only), if it was erased. */
    Optional<Erased> find(Caller caller, String docId);

    record Erased(String auditId, Instant erasedAt) {}

    /** 404 {@code document_erased} with the {@code audit_id}, or {@code document_not_found}. */
    default ApiException notFound(Caller caller, String docId) {
        return find(caller, docId)
                .map(erased -> ApiException.notFound(
                                "document_erased",
                                "Document " + docId + " was erased at " + erased.erasedAt() + "; its receipt is "
                                        + erased.auditId() + ".")
                        .withDetail("audit_id", erased.auditId()))
                .orElseGet(() ->
                        ApiException.notFound("document_not_found", "No document " + docId + " for this API key."));
    }
}
