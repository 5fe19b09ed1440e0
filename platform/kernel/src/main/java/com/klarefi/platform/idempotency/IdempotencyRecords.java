package com.klarefi.platform.idempotency;

import com.klarefi.platform.http.Caller;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL behind {@link Idempotency}, on the caller's transaction. */
final class IdempotencyRecords {
    record Stored(String requestHash, int status, String responseBody) {}

    private final Handle handle;

    IdempotencyRecords(Handle handle) {
        this.handle = handle;
    }

    /** A transaction-scoped advisory lock on the key; false when another transaction holds it. */
    boolean tryLock(Caller caller, String endpoint, String key) {
        // The key comes last, so the separator cannot make two scopes look alike.
        String scope = caller.orgId() + "|" + caller.environment().wireName() + "|" + endpoint + "|" + key;
        return handle.createQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:scope, 7301))")
                .bind("scope", scope)
                .mapTo(Boolean.class)
                .one();
    }

    Optional<Stored> find(Caller caller, String endpoint, String key) {
        return handle.createQuery("""
                        SELECT request_hash, status, response_body::text AS response_body
                          FROM platform.idempotency_records
                         WHERE org_id = :org AND environment = :env AND endpoint = :endpoint AND idem_key = :key""")
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .bind("endpoint", endpoint)
                .bind("key", key)
                .map((rows, context) -> new Stored(
                        rows.getString("request_hash"), rows.getInt("status"), rows.getString("response_body")))
                .findOne();
    }

    void store(
            Caller caller,
            String endpoint,
            String key,
            String requestHash,
            int status,
            String body,
            OffsetDateTime now) {
        handle.createUpdate("""
                        INSERT INTO platform.idempotency_records
                               (org_id, environment, endpoint, idem_key, request_hash, status, response_body, created_at)
                        VALUES (:org, :env, :endpoint, :key, :hash, :status, CAST(:body AS jsonb), :now)""")
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .bind("endpoint", endpoint)
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("status", status)
                .bind("body", body)
                .bind("now", now)
                .execute();
    }

    int deleteMentioning(String orgId, String environment, String text) {
        return handle.createUpdate("""
                        DELETE FROM platform.idempotency_records
                         WHERE org_id = :org AND environment = :env AND strpos(response_body::text, :text) > 0""")
                .bind("org", orgId)
                .bind("env", environment)
                .bind("text", text)
                .execute();
    }

    int deleteOlderThan(OffsetDateTime cutoff) {
        return handle.createUpdate("DELETE FROM platform.idempotency_records WHERE created_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute();
    }
}
