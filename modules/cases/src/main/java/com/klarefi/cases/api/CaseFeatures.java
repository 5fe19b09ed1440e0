package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import java.util.List;

/** A case's features: what processing computes, with the applicant's statements merged in. */
public interface CaseFeatures {
    /** The case's current features. */
    List<CaseFeature> features(String caseId);

    /**
     * Replaces all of the case's features with a fresh computation, to which the applicant
     * statements of every registered source are added.
     */
    void replaceFeatures(Tx tx, String caseId, List<CaseFeature> features);

    /** The case's current feature ids (inside a transaction that holds the case's lock). */
    FeatureSnapshot featureSnapshot(Tx tx, String caseId);

    /** Registers a source of applicant statements; call while wiring, before traffic. */
    void addStatementSource(ApplicantStatements source);
}
