package com.klarefi.cases.api;

import com.klarefi.platform.http.Environment;
import java.time.Instant;
import java.util.Optional;

/**
 * A case as a list shows it: whose it is, its type, the customer's id for it, its status, and how
 * many of its documents failed (a case is {@code processed} once one document was, whatever
 * happened to the others).
 */
public record CaseSummary(
        String caseId,
        String orgId,
        Environment environment,
        String caseTypeId,
        Optional<String> externalCaseId,
        String status,
        Instant createdAt,
        Instant updatedAt,
        int failedDocuments) {}
