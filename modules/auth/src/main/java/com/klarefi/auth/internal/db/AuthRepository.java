package com.klarefi.auth.internal.db;

import com.klarefi.auth.api.KeySummary;
import com.klarefi.auth.api.Organisation;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Environment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Organisations, API keys and admin tokens in schema {@code auth}. */
public final class AuthRepository {
    /** The channel a trigger notifies with a key's hash whenever the key changes (V5 migration). */
    public static final String KEY_CHANGES_CHANNEL = "klarefi_api_key_changes";
    /** What authentication needs to know about a key. */
    public record KeyRecord(
            String keyId,
            String orgId,
            Environment environment,
            Optional<Instant> revokedAt,
            Optional<Instant> expiresAt) {}

    /** A change to a key since some moment, for the caches of every instance. */
    public record KeyChange(String keyHash, Instant updatedAt) {}

    private static final String KEY_COLUMNS =
            "id, org_id, environment, last4, created_at, revoked_at, expires_at, replaced_by";

    private final Jdbi jdbi;

    public AuthRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Organisation insertOrganisation(Tx tx, String id, String name, Instant now) {
        tx.handle()
                .createUpdate("INSERT INTO auth.organisations (id, name, created_at) VALUES (:id, :name, :now)")
                .bind("id", id)
                .bind("name", name)
                .bind("now", now)
                .execute();
        return new Organisation(id, name, now);
    }

    public KeySummary insertKey(
            Tx tx, String id, String orgId, Environment environment, String hash, String last4, Instant now) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO auth.api_keys (id, org_id, environment, key_hash, last4, created_at)
                        VALUES (:id, :org, :env, :hash, :last4, :now)""")
                .bind("id", id)
                .bind("org", orgId)
                .bind("env", environment.wireName())
                .bind("hash", hash)
                .bind("last4", last4)
                .bind("now", now)
                .execute();
        return new KeySummary(id, orgId, environment, last4, now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public <T> T inTransaction(Function<Tx, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
    }

    public List<Organisation> organisations() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, name, created_at FROM auth.organisations ORDER BY created_at, id")
                .map((rows, context) -> organisation(rows))
                .list());
    }

    public Optional<Organisation> organisation(String id) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT id, name, created_at FROM auth.organisations WHERE id = :id")
                        .bind("id", id)
                        .map((rows, context) -> organisation(rows))
                        .findOne());
    }

    public List<KeySummary> keysOf(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + KEY_COLUMNS + " FROM auth.api_keys WHERE org_id = :org ORDER BY created_at, id")
                .bind("org", orgId)
                .map((rows, context) -> keySummary(rows))
                .list());
    }

    public Optional<KeySummary> key(String keyId) {
        return jdbi.withHandle(handle -> key(handle, keyId));
    }

    public Optional<KeySummary> key(Handle handle, String keyId) {
        return handle.createQuery("SELECT " + KEY_COLUMNS + " FROM auth.api_keys WHERE id = :id")
                .bind("id", keyId)
                .map((rows, context) -> keySummary(rows))
                .findOne();
    }

    public Optional<KeyRecord> keyByHash(String hash) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, org_id, environment, revoked_at, expires_at
                          FROM auth.api_keys WHERE key_hash = :hash""")
                .bind("hash", hash)
                .map((rows, context) -> new KeyRecord(
                        rows.getString("id"),
                        rows.getString("org_id"),
                        Environment.fromWire(rows.getString("environment")).orElseThrow(),
                        instant(rows, "revoked_at"),
                        instant(rows, "expires_at")))
                .findOne());
    }

    /**
     * Revokes unless already revoked; the change stamp tells other instances' caches. Answers the
     * revoked key's hash, for this instance's cache to drop at once.
     */
    public Optional<String> revoke(String keyId, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        UPDATE auth.api_keys SET revoked_at = :now, updated_at = clock_timestamp()
                         WHERE id = :id AND revoked_at IS NULL
                        RETURNING key_hash""")
                .bind("id", keyId)
                .bind("now", now)
                .mapTo(String.class)
                .findOne());
    }

    public void markReplaced(Tx tx, String keyId, String replacement, Instant expiresAt) {
        tx.handle()
                .createUpdate("""
                        UPDATE auth.api_keys
                           SET replaced_by = :replacement, updated_at = clock_timestamp(),
                               expires_at = LEAST(COALESCE(expires_at, :expires), :expires)
                         WHERE id = :id""")
                .bind("id", keyId)
                .bind("replacement", replacement)
                .bind("expires", expiresAt)
                .execute();
    }

    /** Keys changed after {@code since} (by the database's clock), oldest first. */
    public List<KeyChange> changesSince(Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT key_hash, updated_at FROM auth.api_keys
                         WHERE updated_at > :since ORDER BY updated_at""")
                .bind("since", since)
                .map((rows, context) -> new KeyChange(
                        rows.getString("key_hash"),
                        rows.getTimestamp("updated_at").toInstant()))
                .list());
    }

    public Instant databaseNow() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT clock_timestamp()")
                .mapTo(Instant.class)
                .one());
    }

    public void insertAdminToken(String id, String hash, String description, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO auth.admin_tokens (id, token_hash, description, created_at)
                        VALUES (:id, :hash, :description, :now)""")
                .bind("id", id)
                .bind("hash", hash)
                .bind("description", description)
                .bind("now", now)
                .execute());
    }

    public boolean adminTokenIsValid(String hash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM auth.admin_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                        .bind("hash", hash)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    private static Organisation organisation(ResultSet rows) throws SQLException {
        return new Organisation(
                rows.getString("id"),
                rows.getString("name"),
                rows.getTimestamp("created_at").toInstant());
    }

    private static KeySummary keySummary(ResultSet rows) throws SQLException {
        return new KeySummary(
                rows.getString("id"),
                rows.getString("org_id"),
                Environment.fromWire(rows.getString("environment")).orElseThrow(),
                rows.getString("last4"),
                rows.getTimestamp("created_at").toInstant(),
                instant(rows, "revoked_at"),
                instant(rows, "expires_at"),
                Optional.ofNullable(rows.getString("replaced_by")));
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return Optional.ofNullable(value).map(Timestamp::toInstant);
    }
}
