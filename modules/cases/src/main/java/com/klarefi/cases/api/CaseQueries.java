package com.klarefi.cases.api;

import java.util.List;
import java.util.Optional;

/** What operators and pages read about cases, across organisations where the caller may. */
public interface CaseQueries {
    /** The case's documents in the order they arrived, with their progress. */
    List<DocumentOutcome> documents(String caseId);

    /** Operators' search across organisations (see {@link CaseSearch}); most recently changed first. */
    List<CaseSummary> search(CaseSearch search, int limit);

    /** A case of any organisation with its documents and features, for operators. */
    Optional<CaseView> view(String caseId);
}
