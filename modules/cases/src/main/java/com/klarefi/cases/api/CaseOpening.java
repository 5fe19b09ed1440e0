package com.klarefi.cases.api;

import java.util.Optional;

/** What a new document says about the case it belongs to. */
public record CaseOpening(
        String caseTypeId,
        Optional<String> externalCaseId,
        Optional<String> externalApplicantId,
        Optional<String> externalCustomerId,
        Optional<String> traceId) {}
