package com.klarefi.cases.api;

import com.klarefi.platform.http.Environment;
import java.time.Instant;
import java.util.Optional;

/** A case as a list shows it: whose it is, its type, the customer's id for it and its status. */
public record CaseSummary(String caseId, String orgId, Environment environment, String caseTypeId,
                          Optional<String> externalCaseId, String status, Instant createdAt, Instant updatedAt) {
}
