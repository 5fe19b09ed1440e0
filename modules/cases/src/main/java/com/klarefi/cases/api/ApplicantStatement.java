package com.klarefi.cases.api;

import java.time.Instant;

/**
 * What an applicant stated about a feature of their case in a hosted intake session: a value they
 * confirmed or corrected. It joins the feature as a candidate with method
 * {@code applicant_statement} and evidence pointing at the session, and the decision prefers it.
 */
public record ApplicantStatement(String statementId, String featureId, String valueRaw, String valueNormalized,
                                 String sessionId, Instant statedAt) {
}
