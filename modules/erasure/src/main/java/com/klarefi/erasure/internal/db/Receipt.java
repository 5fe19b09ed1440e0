package com.klarefi.erasure.internal.db;

import com.klarefi.erasure.api.ErasureRecord;
import java.time.Instant;
import java.util.Optional;

/** An audit record of one erasure. */
public record Receipt(
        String auditId,
        String orgId,
        String environment,
        String docId,
        String caseId,
        Optional<String> sha256,
        int deletedEvidence,
        int deletedCandidates,
        int deletedDecisions,
        boolean deletedDocument,
        String requestedByKey,
        Instant erasedAt) {
    /** The receipt as the api shows it to operators. */
    public ErasureRecord record() {
        return new ErasureRecord(
                auditId,
                orgId,
                environment,
                docId,
                caseId,
                sha256,
                deletedEvidence,
                deletedCandidates,
                deletedDecisions,
                deletedDocument,
                requestedByKey,
                erasedAt);
    }
}
