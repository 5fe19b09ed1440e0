package com.klarefi.webhooks.internal.db;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.erasure.ErasureTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;

/** The table {@code webhooks.deliveries}: the outbox and each delivery's progress. */
public final class DeliveryRepository {
    private final Jdbi jdbi;

    public DeliveryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Tx tx, NewDelivery delivery) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO webhooks.deliveries (id, endpoint_id, message_id, event_type, version, payload, status,
                               next_attempt_at, created_at)
                        VALUES (:id, :endpoint, :message, :type, :version, :payload, 'pending', :now, :now)
                        ON CONFLICT (endpoint_id, message_id) DO NOTHING""")
                .bind("id", delivery.id())
                .bind("endpoint", delivery.endpointId())
                .bind("message", delivery.messageId())
                .bind("type", delivery.eventType())
                .bind("version", delivery.version())
                .bind("payload", delivery.payload())
                .bind("now", delivery.createdAt())
                .execute();
    }

    public Optional<DeliveryRow> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM webhooks.deliveries WHERE id = :id")
                .bind("id", id)
                .map((rows, context) -> row(rows))
                .findOne());
    }

    public Optional<DeliveryRow> lock(Tx tx, String id) {
        return tx.handle()
                .createQuery("SELECT * FROM webhooks.deliveries WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((rows, context) -> row(rows))
                .findOne();
    }

    /** Deliveries of the endpoint being sent right now (their lease has not run out). */
    public int sending(Tx tx, String endpointId, String exceptDeliveryId, Instant now) {
        return tx.handle()
                .createQuery("""
                        SELECT count(*) FROM webhooks.deliveries
                         WHERE endpoint_id = :endpoint AND sending_until > :now AND id <> :except""")
                .bind("endpoint", endpointId)
                .bind("now", now)
                .bind("except", exceptDeliveryId)
                .mapTo(Integer.class)
                .one();
    }

    public void markSending(Tx tx, String id, Instant until) {
        tx.handle()
                .createUpdate("UPDATE webhooks.deliveries SET sending_until = :until WHERE id = :id")
                .bind("id", id)
                .bind("until", until)
                .execute();
    }

    /** Hands the delivery to a new job at {@code at}; returns the new job's dispatch number. */
    public DispatchRef redispatch(Tx tx, String id, Instant at) {
        int dispatch = tx.handle()
                .createQuery("""
                        UPDATE webhooks.deliveries SET dispatch = dispatch + 1, next_attempt_at = :at, sending_until = NULL
                         WHERE id = :id RETURNING dispatch""")
                .bind("id", id)
                .bind("at", at)
                .mapTo(Integer.class)
                .one();
        return new DispatchRef(id, dispatch, at);
    }

    /**
     * Like {@link #redispatch}, but only while nobody is sending the delivery and, when given, it
     * still has the dispatch number the caller saw: a reconciler or a drain acting on a stale read
     * must not start a second send beside one that has just begun.
     */
    public Optional<DispatchRef> redispatchIfIdle(Tx tx, String id, OptionalInt seenDispatch, Instant at) {
        return tx.handle()
                .createQuery("""
                        UPDATE webhooks.deliveries SET dispatch = dispatch + 1, next_attempt_at = :at, sending_until = NULL
                         WHERE id = :id AND status = 'pending' AND (sending_until IS NULL OR sending_until < :at)
                           AND (:any OR dispatch = :seen) RETURNING dispatch""")
                .bind("id", id)
                .bind("at", at)
                .bind("any", seenDispatch.isEmpty())
                .bind("seen", seenDispatch.orElse(-1))
                .mapTo(Integer.class)
                .findOne()
                .map(dispatch -> new DispatchRef(id, dispatch, at));
    }

    /** Records a finished attempt's effect: the count, the last answer and the new status. */
    public void recordOutcome(
            Tx tx,
            String id,
            int attempts,
            String status,
            Optional<Integer> lastStatus,
            Optional<String> lastError,
            Instant now) {
        tx.handle()
                .createUpdate("""
                        UPDATE webhooks.deliveries SET attempts = :attempts, status = :status, last_status = :code,
                               last_error = :error, sending_until = NULL,
                               finished_at = CASE WHEN :status = 'pending' THEN NULL ELSE CAST(:now AS timestamptz) END,
                               next_attempt_at = CASE WHEN :status = 'pending' THEN next_attempt_at ELSE NULL END
                         WHERE id = :id""")
                .bind("id", id)
                .bind("attempts", attempts)
                .bind("status", status)
                .bind("code", lastStatus.orElse(null))
                .bind("error", lastError.orElse(null))
                .bind("now", now)
                .execute();
    }

    public void logAttempt(Tx tx, AttemptRow attempt) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO webhooks.attempts (delivery_id, attempt, started_at, duration_ms, status_code,
                               response_body, error_class, error)
                        VALUES (:delivery, :attempt, :started, :duration, :code, :body, :class, :error)""")
                .bind("delivery", attempt.deliveryId())
                .bind("attempt", attempt.attempt())
                .bind("started", attempt.startedAt())
                .bind("duration", attempt.durationMs())
                .bind("code", attempt.statusCode().orElse(null))
                .bind("body", attempt.responseBody())
                .bind("class", attempt.errorClass().orElse(null))
                .bind("error", attempt.error().orElse(null))
                .execute();
    }

    /** Starts a delivery over (resend, replay): pending, no attempts in this round, due at once. */
    public DispatchRef restart(Tx tx, String id, Instant now) {
        tx.handle().createUpdate("""
                        UPDATE webhooks.deliveries SET status = 'pending', attempts = 0, finished_at = NULL
                         WHERE id = :id""").bind("id", id).execute();
        return redispatch(tx, id, now);
    }

    /** Ids of the endpoint's deliveries created since {@code since}, oldest first. */
    public List<String> createdSince(Tx tx, String endpointId, Instant since) {
        return tx.handle()
                .createQuery("""
                        SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint AND created_at >= :since
                         ORDER BY created_at, id FOR UPDATE""")
                .bind("endpoint", endpointId)
                .bind("since", since)
                .mapTo(String.class)
                .list();
    }

    /** The endpoint's pending deliveries in the order their events happened. */
    /**
     * The endpoint's oldest delivery that found its sending slots taken and waits for a later job
     * (never attempted, due in the future, not being sent), made due now under a new dispatch
     * number: its deferred job then finds itself stale. Skips a row another transaction holds.
     */
    public Optional<DispatchRef> wakeDeferred(Tx tx, String endpointId, Instant now) {
        return tx.handle()
                .createQuery("""
                        UPDATE webhooks.deliveries SET dispatch = dispatch + 1, next_attempt_at = :now, sending_until = NULL
                         WHERE id = (SELECT id FROM webhooks.deliveries
                                      WHERE endpoint_id = :endpoint AND status = 'pending' AND attempts = 0
                                        AND next_attempt_at > :now AND (sending_until IS NULL OR sending_until <= :now)
                                      ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, dispatch""")
                .bind("endpoint", endpointId)
                .bind("now", now)
                .map((rows, context) -> new DispatchRef(rows.getString("id"), rows.getInt("dispatch"), now))
                .findOne();
    }

    public List<String> pending(String endpointId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint AND status = 'pending'
                         ORDER BY created_at, id""")
                .bind("endpoint", endpointId)
                .mapTo(String.class)
                .list());
    }

    /** Pending deliveries of enabled endpoints that should have been attempted before {@code dueBefore}. */
    public List<DispatchRef> overdue(Instant dueBefore, Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT d.id, d.dispatch, d.next_attempt_at FROM webhooks.deliveries d
                          JOIN webhooks.endpoints e ON e.id = d.endpoint_id
                         WHERE d.status = 'pending' AND e.status = 'enabled' AND d.next_attempt_at < :due
                           AND (d.sending_until IS NULL OR d.sending_until < :now)
                         ORDER BY d.next_attempt_at LIMIT :limit""")
                .bind("due", dueBefore)
                .bind("now", now)
                .bind("limit", limit)
                .map((rows, context) ->
                        new DispatchRef(rows.getString(1), rows.getInt(2), Rows.instant(rows, "next_attempt_at")))
                .list());
    }

    public List<DeliveryRow> list(String endpointId, Optional<String> status, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM webhooks.deliveries WHERE endpoint_id = :endpoint
                           AND (CAST(:status AS text) IS NULL OR status = :status)
                         ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("endpoint", endpointId)
                .bind("status", status.orElse(null))
                .bind("limit", limit)
                .map((rows, context) -> row(rows))
                .list());
    }

    public List<AttemptRow> attempts(String deliveryId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM webhooks.attempts WHERE delivery_id = :id ORDER BY started_at, id")
                .bind("id", deliveryId)
                .map((rows, context) -> new AttemptRow(
                        rows.getString("delivery_id"),
                        rows.getInt("attempt"),
                        Rows.instant(rows, "started_at"),
                        rows.getLong("duration_ms"),
                        Rows.optionalInt(rows, "status_code"),
                        rows.getString("response_body"),
                        Optional.ofNullable(rows.getString("error_class")),
                        Optional.ofNullable(rows.getString("error"))))
                .list());
    }

    /** Deletes attempt logs, and finished deliveries, older than {@code before}; returns the attempts deleted. */
    public int purge(Instant before) {
        return jdbi.inTransaction(handle -> {
            int attempts = handle.createUpdate("DELETE FROM webhooks.attempts WHERE started_at < :before")
                    .bind("before", before)
                    .execute();
            handle.createUpdate("DELETE FROM webhooks.deliveries WHERE status <> 'pending' AND finished_at < :before")
                    .bind("before", before)
                    .execute();
            return attempts;
        });
    }

    private static DeliveryRow row(ResultSet rows) throws SQLException {
        return new DeliveryRow(
                rows.getString("id"),
                rows.getString("endpoint_id"),
                rows.getString("message_id"),
                rows.getString("event_type"),
                rows.getString("version"),
                rows.getString("payload"),
                rows.getString("status"),
                rows.getInt("attempts"),
                rows.getInt("dispatch"),
                Rows.optionalInstant(rows, "next_attempt_at"),
                Rows.optionalInt(rows, "last_status"),
                Optional.ofNullable(rows.getString("last_error")),
                Rows.instant(rows, "created_at"),
                Rows.optionalInstant(rows, "finished_at"),
                Rows.optionalInstant(rows, "sending_until"));
    }

    /**
     * Erasure: deliveries of the document's organisation and environment whose payload names it get
     * the id replaced by {@code erased}, and the receivers' answers to them (which may echo it) go.
     */
    public void eraseDocument(Tx tx, ErasureTarget target) {
        tx.handle()
                .createUpdate("""
                        UPDATE webhooks.attempts SET response_body = NULL
                         WHERE delivery_id IN (SELECT d.id FROM webhooks.deliveries d
                                                 JOIN webhooks.endpoints e ON e.id = d.endpoint_id
                                                WHERE e.org_id = :org AND e.environment = :env
                                                  AND strpos(d.payload, :doc) > 0)""")
                .bind("org", target.orgId())
                .bind("env", target.environment().wireName())
                .bind("doc", target.docId())
                .execute();
        tx.handle()
                .createUpdate("""
                        UPDATE webhooks.deliveries d SET payload = replace(d.payload, :doc, 'erased')
                          FROM webhooks.endpoints e
                         WHERE e.id = d.endpoint_id AND e.org_id = :org AND e.environment = :env
                           AND strpos(d.payload, :doc) > 0""")
                .bind("org", target.orgId())
                .bind("env", target.environment().wireName())
                .bind("doc", target.docId())
                .execute();
    }
}
