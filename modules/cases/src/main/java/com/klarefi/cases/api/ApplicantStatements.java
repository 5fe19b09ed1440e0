package com.klarefi.cases.api;

import com.klarefi.platform.db.Tx;
import java.util.List;

/**
 * A source of applicant statements. Cases ask every source whenever a case's features are
 * replaced, inside that transaction, so statements survive every recomputation from documents.
 * Statements of one feature come oldest first; the newest is preferred.
 */
@FunctionalInterface
public interface ApplicantStatements {
    List<ApplicantStatement> statementsOf(Tx tx, String caseId);
}
