package com.klarefi.auth.internal.db;

import com.klarefi.auth.api.Operator;
import com.klarefi.platform.db.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** Operators, their sessions and failed sign-ins in schema {@code auth}. */
public final class OperatorRepository {
    /** An operator with the stored password hash, for sign-in only. */
    public record Credentials(Operator operator, String passwordHash) {}

    /** A session row joined with its operator's e-mail. */
    public record SessionRow(String operatorId, String email, String csrfToken, Instant expiresAt) {}

    private final Jdbi jdbi;

    public OperatorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T inTransaction(Function<Tx, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
    }

    /** False when an operator with this e-mail (in any case) exists already. */
    public boolean insert(String id, String email, String passwordHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO auth.operators (id, email, password_hash, created_at)
                        VALUES (:id, :email, :hash, :now) ON CONFLICT (lower(email)) DO NOTHING""")
                        .bind("id", id)
                        .bind("email", email)
                        .bind("hash", passwordHash)
                        .bind("now", now)
                        .execute()
                == 1);
    }

    /** Serialises sign-ins for one e-mail across instances, so the failure count cannot be raced. */
    public void lockEmail(Tx tx, String email) {
        tx.handle()
                .createQuery("SELECT pg_advisory_xact_lock(hashtext('operator-login:' || :email))")
                .bind("email", email)
                .mapTo(String.class)
                .one();
    }

    public Optional<Credentials> credentials(Tx tx, String email) {
        return tx.handle()
                .createQuery("""
                        SELECT id, email, password_hash, created_at FROM auth.operators
                         WHERE lower(email) = :email AND disabled_at IS NULL""")
                .bind("email", email)
                .map((rows, context) -> new Credentials(
                        new Operator(
                                rows.getString("id"),
                                rows.getString("email"),
                                rows.getTimestamp("created_at").toInstant()),
                        rows.getString("password_hash")))
                .findOne();
    }

    /** Failures for the e-mail since {@code since}, oldest first. */
    public List<Instant> failuresSince(Tx tx, String email, Instant since) {
        return tx.handle()
                .createQuery("""
                        SELECT failed_at FROM auth.operator_login_failures
                         WHERE email = :email AND failed_at > :since ORDER BY failed_at""")
                .bind("email", email)
                .bind("since", since)
                .mapTo(Instant.class)
                .list();
    }

    public void recordFailure(Tx tx, String email, Instant now, Instant forgetBefore) {
        tx.handle()
                .createUpdate("DELETE FROM auth.operator_login_failures WHERE failed_at < :before")
                .bind("before", forgetBefore)
                .execute();
        tx.handle()
                .createUpdate("INSERT INTO auth.operator_login_failures (email, failed_at) VALUES (:email, :now)")
                .bind("email", email)
                .bind("now", now)
                .execute();
    }

    public void clearFailures(Tx tx, String email) {
        tx.handle()
                .createUpdate("DELETE FROM auth.operator_login_failures WHERE email = :email")
                .bind("email", email)
                .execute();
    }

    public void insertSession(
            Tx tx, String tokenHash, String operatorId, String csrfToken, Instant now, Instant expiresAt) {
        tx.handle()
                .createUpdate("DELETE FROM auth.operator_sessions WHERE expires_at < :now")
                .bind("now", now)
                .execute();
        tx.handle()
                .createUpdate("""
                        INSERT INTO auth.operator_sessions (token_hash, operator_id, csrf_token, created_at, last_seen_at, expires_at)
                        VALUES (:hash, :operator, :csrf, :now, :now, :expires)""")
                .bind("hash", tokenHash)
                .bind("operator", operatorId)
                .bind("csrf", csrfToken)
                .bind("now", now)
                .bind("expires", expiresAt)
                .execute();
    }

    /** The session if it is neither past its end nor idle since {@code idleSince}; marks it seen at {@code now}. */
    public Optional<SessionRow> touchSession(String tokenHash, Instant now, Instant idleSince) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        UPDATE auth.operator_sessions s SET last_seen_at = :now
                          FROM auth.operators o
                         WHERE s.token_hash = :hash AND o.id = s.operator_id AND o.disabled_at IS NULL
                           AND s.expires_at > :now AND s.last_seen_at > :idle
                        RETURNING s.operator_id, o.email, s.csrf_token, s.expires_at""")
                .bind("hash", tokenHash)
                .bind("now", now)
                .bind("idle", idleSince)
                .map((rows, context) -> new SessionRow(
                        rows.getString("operator_id"),
                        rows.getString("email"),
                        rows.getString("csrf_token"),
                        rows.getTimestamp("expires_at").toInstant()))
                .findOne());
    }

    public void deleteSession(String tokenHash) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM auth.operator_sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute());
    }
}
