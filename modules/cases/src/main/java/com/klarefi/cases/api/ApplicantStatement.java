package com.klarefi.cases.api;

import java.time.Instant;

/**
 * What an applicant stated about a feature of their case in a hosted intake session: a value they
 * confirmed or corrected, or that there is no value (an empty normalised value). A value joins the
 * feature as a candidate with method {@code applicant_statement} and evidence pointing at the
 * session, and the decision prefers it; the newest statement of absence makes the decision
 * {@code missing} with the reason {@link #STATED_ABSENT}.
 */
public record ApplicantStatement(
        String statementId,
        String featureId,
        String valueRaw,
        String valueNormalized,
        String sessionId,
        Instant statedAt) {
    public static final String STATED_ABSENT = "the applicant stated there is no value";

    public static ApplicantStatement absence(String statementId, String featureId, String sessionId, Instant statedAt) {
        return new ApplicantStatement(statementId, featureId, "", "", sessionId, statedAt);
    }

    public boolean statesAbsence() {
        return valueNormalized.isEmpty();
    }
}
