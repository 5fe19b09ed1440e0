package com.klarefi.erasure.api;

import java.time.Instant;
import java.util.Optional;

/** The audit record of one erasure: ids, the hash of the erased bytes, what was deleted, who asked and when. */
public record ErasureRecord(
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
        Instant erasedAt) {}
