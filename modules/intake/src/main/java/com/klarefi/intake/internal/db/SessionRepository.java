package com.klarefi.intake.internal.db;

import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.platform.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Sessions and the documents uploaded in them, in schema {@code intake}. */
public final class SessionRepository {
    /** A document the applicant uploaded, with the name their device gave it. */
    public record SessionDocument(String docId, String filename) {}

    private final Jdbi jdbi;

    public SessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Tx tx, Session session) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO intake.sessions (id, org_id, environment, key_id, case_id, case_type_id, locale,
                               return_url, status, created_at, expires_at)
                        VALUES (:id, :org, :env, :key, :case, :type, :locale, :returnUrl, :status, :created, :expires)""")
                .bind("id", session.id())
                .bind("org", session.orgId())
                .bind("env", session.environment())
                .bind("key", session.keyId())
                .bind("case", session.caseId())
                .bind("type", session.caseTypeId())
                .bind("locale", session.locale())
                .bind("returnUrl", session.returnUrl().orElse(null))
                .bind("status", session.status())
                .bind("created", session.createdAt())
                .bind("expires", session.expiresAt())
                .execute();
    }

    public Optional<Session> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM intake.sessions WHERE id = :id")
                .bind("id", id)
                .map((rows, context) -> session(rows))
                .findOne());
    }

    /** The session, locked until the transaction ends, so uploads, corrections and completion queue up. */
    public Optional<Session> lock(Tx tx, String id) {
        return tx.handle()
                .createQuery("SELECT * FROM intake.sessions WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((rows, context) -> session(rows))
                .findOne();
    }

    /** Ends an open session; false when it had already ended. */
    public boolean end(Tx tx, String id, String status, Instant now) {
        return tx.handle()
                        .createUpdate(
                                "UPDATE intake.sessions SET status = :status, ended_at = :now WHERE id = :id AND status = 'open'")
                        .bind("id", id)
                        .bind("status", status)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /** Open sessions whose time is up, oldest first. */
    public List<String> dueForExpiry(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM intake.sessions WHERE status = 'open' AND expires_at <= :now
                         ORDER BY expires_at LIMIT :limit""")
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    public void addDocument(Tx tx, String sessionId, String docId, String filename, Instant now) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO intake.session_documents (session_id, doc_id, filename, uploaded_at)
                        VALUES (:session, :doc, :filename, :now)""")
                .bind("session", sessionId)
                .bind("doc", docId)
                .bind("filename", filename)
                .bind("now", now)
                .execute();
    }

    public List<SessionDocument> documents(String sessionId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT doc_id, filename FROM intake.session_documents WHERE session_id = :session
                         ORDER BY uploaded_at, doc_id""")
                .bind("session", sessionId)
                .map((rows, context) -> new SessionDocument(rows.getString("doc_id"), rows.getString("filename")))
                .list());
    }

    private static Session session(ResultSet rows) throws SQLException {
        Timestamp ended = rows.getTimestamp("ended_at");
        return new Session(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("environment"),
                rows.getString("key_id"),
                rows.getString("case_id"),
                rows.getString("case_type_id"),
                rows.getString("locale"),
                Optional.ofNullable(rows.getString("return_url")),
                rows.getString("status"),
                rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("expires_at").toInstant(),
                Optional.ofNullable(ended).map(Timestamp::toInstant));
    }

    public void forgetUpload(Tx tx, String docId) {
        tx.handle()
                .createUpdate("DELETE FROM intake.session_documents WHERE doc_id = :doc")
                .bind("doc", docId)
                .execute();
    }
}
