package com.klarefi.cases.internal.db;

import java.time.Instant;
import java.util.Optional;

public record CaseRow(
        String id,
        String orgId,
        String environment,
        String caseTypeId,
        Optional<String> externalCaseId,
        Optional<String> externalApplicantId,
        Optional<String> externalCustomerId,
        Optional<String> traceId,
        String status,
        long lastCursor,
        Instant createdAt,
        Instant updatedAt) {}
