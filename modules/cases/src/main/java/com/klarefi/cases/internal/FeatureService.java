package com.klarefi.cases.internal;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.ApplicantStatements;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.platform.db.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A case's features: processing's computation with every registered source's applicant statements merged in. */
final class FeatureService {
    private final FeatureRepository features;
    private final List<ApplicantStatements> statementSources = new CopyOnWriteArrayList<>();

    FeatureService(FeatureRepository features) {
        this.features = features;
    }

    void addStatementSource(ApplicantStatements source) {
        statementSources.add(source);
    }

    void replace(Tx tx, String caseId, List<CaseFeature> computed) {
        List<ApplicantStatement> statements = new ArrayList<>();
        statementSources.forEach(source -> statements.addAll(source.statementsOf(tx, caseId)));
        features.replace(tx, caseId, StatementMerge.merge(computed, statements));
    }
}
