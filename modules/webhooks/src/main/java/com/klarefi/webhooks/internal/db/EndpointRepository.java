package com.klarefi.webhooks.internal.db;

import com.klarefi.platform.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The tables {@code webhooks.endpoints} and {@code webhooks.subscriptions}. */
public final class EndpointRepository {
    private final Jdbi jdbi;

    public EndpointRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Tx tx, EndpointRow row) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO webhooks.endpoints (id, org_id, environment, url, description, status,
                               status_changed_at, secret, created_at, updated_at)
                        VALUES (:id, :org, :env, :url, :description, :status, :now, :secret, :now, :now)""")
                .bind("id", row.id())
                .bind("org", row.orgId())
                .bind("env", row.environment())
                .bind("url", row.url())
                .bind("description", row.description())
                .bind("status", row.status())
                .bind("secret", row.secret())
                .bind("now", row.createdAt())
                .execute();
        replaceSubscriptions(tx, row.id(), row.subscriptions());
    }

    public void replaceSubscriptions(Tx tx, String endpointId, List<Subscription> subscriptions) {
        tx.handle()
                .createUpdate("DELETE FROM webhooks.subscriptions WHERE endpoint_id = :id")
                .bind("id", endpointId)
                .execute();
        for (Subscription subscription : subscriptions) {
            tx.handle()
                    .createUpdate(
                            "INSERT INTO webhooks.subscriptions (endpoint_id, event_type, version) VALUES (:id, :type, :version)")
                    .bind("id", endpointId)
                    .bind("type", subscription.eventType())
                    .bind("version", subscription.version())
                    .execute();
        }
    }

    public void update(Tx tx, String id, String url, String description, Instant now) {
        tx.handle()
                .createUpdate(
                        "UPDATE webhooks.endpoints SET url = :url, description = :description, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("url", url)
                .bind("description", description)
                .bind("now", now)
                .execute();
    }

    public Optional<EndpointRow> find(String id) {
        return jdbi.withHandle(handle -> find(handle, id, false));
    }

    /** The endpoint, locked until {@code tx} ends: status changes and claims on it serialise here. */
    public Optional<EndpointRow> lock(Tx tx, String id) {
        return find(tx.handle(), id, true);
    }

    /**
     * The endpoint of a delivery, locked, in one statement: a delivery never changes endpoint, so
     * reading it unlocked here keeps the lock order (endpoint, then delivery) of every claim.
     */
    public Optional<EndpointRow> lockOfDelivery(Tx tx, String deliveryId) {
        return tx.handle()
                .createQuery(
                        SELECT_WITH_SUBSCRIPTIONS
                                + " WHERE e.id = (SELECT d.endpoint_id FROM webhooks.deliveries d WHERE d.id = :delivery) FOR UPDATE OF e")
                .bind("delivery", deliveryId)
                .map((rows, context) -> row(rows, subscriptions(rows)))
                .findOne();
    }

    public List<EndpointRow> list(Optional<String> orgId, Optional<String> environment) {
        return jdbi.withHandle(handle -> {
            List<String> ids = handle.createQuery("""
                            SELECT id FROM webhooks.endpoints
                             WHERE (CAST(:org AS text) IS NULL OR org_id = :org)
                               AND (CAST(:env AS text) IS NULL OR environment = :env)
                             ORDER BY created_at, id""")
                    .bind("org", orgId.orElse(null))
                    .bind("env", environment.orElse(null))
                    .mapTo(String.class)
                    .list();
            List<EndpointRow> rows = new ArrayList<>();
            for (String id : ids) {
                find(handle, id, false).ifPresent(rows::add);
            }
            return rows;
        });
    }

    public boolean delete(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM webhooks.endpoints WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0);
    }

    public void setStatus(Tx tx, String id, String status, Optional<String> reason, Instant now) {
        tx.handle()
                .createUpdate("""
                        UPDATE webhooks.endpoints SET status = :status, status_reason = :reason, status_changed_at = :now,
                               updated_at = :now, failing_since = CASE WHEN :status = 'enabled' THEN NULL ELSE failing_since END
                         WHERE id = :id""")
                .bind("id", id)
                .bind("status", status)
                .bind("reason", reason.orElse(null))
                .bind("now", now)
                .execute();
    }

    public void rotateSecret(Tx tx, String id, byte[] secret, byte[] previous, Instant previousExpiresAt, Instant now) {
        tx.handle()
                .createUpdate("""
                        UPDATE webhooks.endpoints SET secret = :secret, previous_secret = :previous,
                               previous_secret_expires_at = :expires, updated_at = :now WHERE id = :id""")
                .bind("id", id)
                .bind("secret", secret)
                .bind("previous", previous)
                .bind("expires", previousExpiresAt)
                .bind("now", now)
                .execute();
    }

    /** Remembers when the current run of failures began; a success clears it. */
    public void recordHealth(Tx tx, String id, Optional<Instant> failingSince) {
        tx.handle()
                .createUpdate("UPDATE webhooks.endpoints SET failing_since = :since WHERE id = :id")
                .bind("id", id)
                .bind("since", failingSince.orElse(null))
                .execute();
    }

    /**
     * Every endpoint of the owner subscribed to the type. Enabled ones send; paused and disabled ones
     * (after a 410) queue until an operator resumes them, so no event is lost while they wait.
     */
    public List<Subscriber> subscribers(Tx tx, String orgId, String environment, String eventType) {
        return tx.handle()
                .createQuery("""
                        SELECT e.id, s.version, e.status FROM webhooks.endpoints e
                          JOIN webhooks.subscriptions s ON s.endpoint_id = e.id
                         WHERE e.org_id = :org AND e.environment = :env AND s.event_type = :type
                           AND e.status IN ('enabled', 'paused', 'disabled')
                         ORDER BY e.id""")
                .bind("org", orgId)
                .bind("env", environment)
                .bind("type", eventType)
                .map((rows, context) -> new Subscriber(
                        rows.getString("id"),
                        rows.getString("version"),
                        EndpointRow.ENABLED.equals(rows.getString("status"))))
                .list();
    }

    /** The endpoint with its subscriptions in one statement (every delivery locks its endpoint twice). */
    private static Optional<EndpointRow> find(Handle handle, String id, boolean forUpdate) {
        return handle.createQuery(
                        SELECT_WITH_SUBSCRIPTIONS + " WHERE e.id = :id" + (forUpdate ? " FOR UPDATE OF e" : ""))
                .bind("id", id)
                .map((rows, context) -> row(rows, subscriptions(rows)))
                .findOne();
    }

    private static final String SELECT_WITH_SUBSCRIPTIONS = """
            SELECT e.*,
                   ARRAY(SELECT s.event_type FROM webhooks.subscriptions s
                          WHERE s.endpoint_id = e.id ORDER BY s.event_type) AS subscribed_types,
                   ARRAY(SELECT s.version FROM webhooks.subscriptions s
                          WHERE s.endpoint_id = e.id ORDER BY s.event_type) AS subscribed_versions
              FROM webhooks.endpoints e""";

    private static List<Subscription> subscriptions(ResultSet rows) throws SQLException {
        String[] types = (String[]) rows.getArray("subscribed_types").getArray();
        String[] versions = (String[]) rows.getArray("subscribed_versions").getArray();
        List<Subscription> subscriptions = new ArrayList<>(types.length);
        for (int index = 0; index < types.length; index++) {
            subscriptions.add(new Subscription(types[index], versions[index]));
        }
        return subscriptions;
    }

    private static EndpointRow row(ResultSet rows, List<Subscription> subscriptions) throws SQLException {
        return new EndpointRow(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("environment"),
                rows.getString("url"),
                rows.getString("description"),
                rows.getString("status"),
                Optional.ofNullable(rows.getString("status_reason")),
                Rows.instant(rows, "status_changed_at"),
                rows.getBytes("secret"),
                Optional.ofNullable(rows.getBytes("previous_secret")),
                Rows.optionalInstant(rows, "previous_secret_expires_at"),
                Rows.optionalInstant(rows, "failing_since"),
                Rows.instant(rows, "created_at"),
                Rows.instant(rows, "updated_at"),
                subscriptions);
    }
}
