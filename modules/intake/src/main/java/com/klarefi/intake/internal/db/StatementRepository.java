package com.klarefi.intake.internal.db;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.platform.db.Tx;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** What applicants stated about their cases' features, in schema {@code intake}. */
public final class StatementRepository {
    private final Jdbi jdbi;

    public StatementRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a statement; a second one about the same feature in the same session replaces the first. */
    public void put(Tx tx, String caseId, ApplicantStatement statement) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO intake.statements (statement_id, session_id, case_id, feature_id, value_raw,
                               value_normalized, stated_at)
                        VALUES (:id, :session, :case, :feature, :raw, :normalized, :at)
                        ON CONFLICT (session_id, feature_id) DO UPDATE
                           SET statement_id = EXCLUDED.statement_id, value_raw = EXCLUDED.value_raw,
                               value_normalized = EXCLUDED.value_normalized, stated_at = EXCLUDED.stated_at""")
                .bind("id", statement.statementId())
                .bind("session", statement.sessionId())
                .bind("case", caseId)
                .bind("feature", statement.featureId())
                .bind("raw", statement.valueRaw())
                .bind("normalized", statement.valueNormalized())
                .bind("at", statement.statedAt())
                .execute();
    }

    /** The case's statements, oldest first, read in the caller's transaction. */
    public List<ApplicantStatement> ofCase(Tx tx, String caseId) {
        return tx.handle()
                .createQuery("""
                        SELECT * FROM intake.statements WHERE case_id = :case ORDER BY stated_at, statement_id""")
                .bind("case", caseId)
                .map((rows, context) -> new ApplicantStatement(
                        rows.getString("statement_id"),
                        rows.getString("feature_id"),
                        rows.getString("value_raw"),
                        rows.getString("value_normalized"),
                        rows.getString("session_id"),
                        rows.getTimestamp("stated_at").toInstant()))
                .list();
    }

    public int countOfSession(Tx tx, String sessionId) {
        return tx.handle()
                .createQuery("SELECT count(*) FROM intake.statements WHERE session_id = :session")
                .bind("session", sessionId)
                .mapTo(Integer.class)
                .one();
    }
}
