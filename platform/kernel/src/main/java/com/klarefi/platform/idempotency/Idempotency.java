package com.klarefi.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.erasure.ErasureTarget;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.json.Json;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Makes a POST safe to retry, as the reference's {@code idempotency_key} promises.
 *
 * <p>One transaction holds everything: a transaction-scoped advisory lock on the key (a second
 * request with the same key while the first runs gets 409 {@code idempotency_key_in_use} at once),
 * the lookup of a stored outcome (replayed with {@code idempotent_replay: true}, or 422 when the
 * body differs), the work itself, and the stored outcome. A crash anywhere rolls all of it back, so
 * a retry runs afresh and nothing is created twice. Errors are never stored: a corrected retry
 * with the same key works.
 */
public final class Idempotency {
    public static final String REPLAY_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final Database database;
    private final Clock clock;
    private final Duration retention;

    public Idempotency(Database database, Clock clock, Duration retention) {
        this.database = database;
        this.clock = clock;
        this.retention = retention;
    }

    /** The work behind the endpoint; it writes through {@code tx} and returns the 2xx outcome. */
    @FunctionalInterface
    public interface Action {
        Outcome run(Tx tx);
    }

    /** A successful outcome: the status and the JSON body (which carries {@code idempotent_replay}). */
    public record Outcome(int status, ObjectNode body) {}

    /** Reads and checks the body's {@code idempotency_key}: a string of 1 to 255 characters. */
    public static String keyOf(JsonNode body) {
        JsonNode key = body.get("idempotency_key");
        if (key == null || key.isNull()) {
            throw ApiException.validation(
                            "missing_idempotency_key",
                            "idempotency_key is required: "
                                    + "a string of 1-255 characters that you generate per logical request (e.g. a UUID).")
                    .withDetail("param", "idempotency_key");
        }
        if (!key.isTextual()
                || key.asText().isEmpty()
                || key.asText().length() > MAX_KEY_LENGTH
                || key.asText().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation(
                            "invalid_idempotency_key",
                            "idempotency_key must be a string of 1-255 characters without control characters.")
                    .withDetail("param", "idempotency_key");
        }
        return key.asText();
    }

    public Outcome respond(ServerResponse response, Caller caller, String endpoint, JsonNode body, Action action) {
        String key = keyOf(body);
        String requestHash = CanonicalJson.sha256(body);
        Outcome outcome = database.jdbi().inTransaction(handle -> {
            IdempotencyRecords records = new IdempotencyRecords(handle);
            if (!records.tryLock(caller, endpoint, key)) {
                throw inUse();
            }
            Optional<IdempotencyRecords.Stored> stored = records.find(caller, endpoint, key);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    throw reused();
                }
                return replay(stored.get());
            }
            Outcome fresh = action.run(new Tx(handle));
            if (fresh.status() < 200 || fresh.status() > 299) {
                throw new IllegalStateException("idempotent actions return 2xx outcomes; errors are thrown");
            }
            fresh.body().put("idempotent_replay", false);
            records.store(caller, endpoint, key, requestHash, fresh.status(), Json.writeString(fresh.body()), now());
            return fresh;
        });
        if (outcome.body().path("idempotent_replay").asBoolean(false)) {
            response.header(REPLAY_HEADER, "true");
        }
        Responses.json(response, outcome.status(), outcome.body());
        return outcome;
    }

    /**
     * Erasure: a stored response that names the erased document would reveal it, so such records of
     * the document's organisation and environment go (a retry then runs afresh, correctly refusing
     * or re-accepting the request).
     */
    public void erase(Tx tx, ErasureTarget target) {
        new IdempotencyRecords(tx.handle())
                .deleteMentioning(target.orgId(), target.environment().wireName(), target.docId());
    }

    /** Deletes records past the retention period; run by a recurring job. Returns how many. */
    public int purgeExpired() {
        OffsetDateTime cutoff = now().minus(retention);
        return database.jdbi().withHandle(handle -> new IdempotencyRecords(handle).deleteOlderThan(cutoff));
    }

    private static Outcome replay(IdempotencyRecords.Stored stored) {
        ObjectNode body = (ObjectNode) Json.read(stored.responseBody());
        body.put("idempotent_replay", true);
        return new Outcome(stored.status(), body);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ApiException inUse() {
        return ApiException.of(
                        409,
                        ErrorTypes.IDEMPOTENCY,
                        "idempotency_key_in_use",
                        "A request with this idempotency_key is still being processed; retry shortly.")
                .withHeader("Retry-After", "1");
    }

    private static ApiException reused() {
        return ApiException.of(
                422,
                ErrorTypes.IDEMPOTENCY,
                "idempotency_key_reused",
                "This idempotency_key was already used with a different request body. Use a new key for a new request.");
    }
}
