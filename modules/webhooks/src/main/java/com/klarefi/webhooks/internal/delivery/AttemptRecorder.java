package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.ids.Ids;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.db.AttemptRow;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.EndpointRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping after an attempt, in one transaction: the attempt log, the delivery's new state
 * (succeeded, failed, or pending with its next attempt on the schedule or at the receiver's
 * {@code Retry-After}), and the endpoint's health: 410 disables it, a long run of nothing but
 * failures pauses it and tells the organisation's other endpoints with {@code endpoint.paused}.
 */
final class AttemptRecorder {
    private static final System.Logger LOG = System.getLogger(AttemptRecorder.class.getName());

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final RetrySchedule schedule;
    private final WebhookSettings settings;

    AttemptRecorder(
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            Outbox outbox,
            RetrySchedule schedule,
            WebhookSettings settings) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.schedule = schedule;
        this.settings = settings;
    }

    /** Returns the jobs to start after commit: the next attempt, and {@code endpoint.paused} deliveries. */
    List<DispatchRef> record(Tx tx, DeliveryRow delivery, SendResult result, Instant started, Instant now) {
        Optional<EndpointRow> locked = endpoints.lock(tx, delivery.endpointId());
        if (locked.isEmpty()) {
            return List.of();
        }
        EndpointRow endpoint = locked.get();
        int attempt = delivery.attempts() + 1;
        deliveries.logAttempt(
                tx,
                new AttemptRow(
                        delivery.id(),
                        attempt,
                        started,
                        result.duration().toMillis(),
                        result.statusCode(),
                        result.responseBody(),
                        result.errorClass(),
                        result.error()));
        if (result.succeeded()) {
            deliveries.recordOutcome(
                    tx, delivery.id(), attempt, DeliveryRow.SUCCEEDED, result.statusCode(), Optional.empty(), now);
            // The endpoint row is locked, so what it says is current: write only a change (a
            // healthy endpoint's row is otherwise rewritten by every delivery).
            if (endpoint.failingSince().isPresent()) {
                endpoints.recordHealth(tx, endpoint.id(), Optional.empty());
            }
            return List.of();
        }
        Instant failingSince = endpoint.failingSince().orElse(started);
        if (endpoint.failingSince().isEmpty()) {
            endpoints.recordHealth(tx, endpoint.id(), Optional.of(failingSince));
        }
        List<DispatchRef> followUps = new ArrayList<>();
        if (result.statusCode().equals(Optional.of(410))) {
            // The delivery waits with the endpoint: resuming sends it first, so the 410 loses nothing.
            deliveries.recordOutcome(
                    tx,
                    delivery.id(),
                    attempt,
                    DeliveryRow.PENDING,
                    result.statusCode(),
                    Optional.of(result.summary()),
                    now);
            endpoints.setStatus(
                    tx,
                    endpoint.id(),
                    EndpointRow.DISABLED,
                    Optional.of("the endpoint answered 410 Gone at " + now + "; it was disabled at once"),
                    now);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "webhook endpoint " + endpoint.id() + " answered 410 and was disabled");
            return followUps;
        }
        Optional<Duration> delay = nextDelay(attempt, result, now);
        if (delay.isEmpty()) {
            deliveries.recordOutcome(
                    tx,
                    delivery.id(),
                    attempt,
                    DeliveryRow.FAILED,
                    result.statusCode(),
                    Optional.of(result.summary()),
                    now);
        } else {
            deliveries.recordOutcome(
                    tx,
                    delivery.id(),
                    attempt,
                    DeliveryRow.PENDING,
                    result.statusCode(),
                    Optional.of(result.summary()),
                    now);
            followUps.add(deliveries.redispatch(tx, delivery.id(), now.plus(delay.get())));
        }
        if (endpoint.enabled()
                && !Duration.between(failingSince, now)
                        .minus(settings.pauseAfter())
                        .isNegative()) {
            followUps.addAll(pause(tx, endpoint, failingSince, result, now));
        }
        return followUps;
    }

    /** Empty when every attempt is used; a 429 or 503 with Retry-After sets the delay itself (capped). */
    private Optional<Duration> nextDelay(int attemptsMade, SendResult result, Instant now) {
        Optional<Duration> scheduled = schedule.delayAfter(attemptsMade);
        if (scheduled.isEmpty()) {
            return scheduled;
        }
        boolean asksToWait =
                result.statusCode().filter(code -> code == 429 || code == 503).isPresent();
        if (asksToWait && result.retryAfter().isPresent()) {
            Optional<Duration> wanted = RetryAfter.parse(result.retryAfter().get(), now, settings.retryAfterCap());
            if (wanted.isPresent()) {
                return wanted;
            }
        }
        return scheduled;
    }

    private List<DispatchRef> pause(Tx tx, EndpointRow endpoint, Instant failingSince, SendResult result, Instant now) {
        String reason =
                "every delivery failed since " + failingSince + " (last: " + result.summary() + "); paused after "
                        + settings.pauseAfter().toHours() + " h of failures. Resume it to deliver what waits.";
        endpoints.setStatus(tx, endpoint.id(), EndpointRow.PAUSED, Optional.of(reason), now);
        LOG.log(
                System.Logger.Level.WARNING,
                "webhook endpoint " + endpoint.id() + " of " + endpoint.orgId() + " paused: " + reason);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpoint_id", endpoint.id());
        data.put("url", endpoint.url());
        data.put("reason", reason);
        data.put("failing_since", failingSince.toString());
        return outbox.record(
                tx,
                new Outbox.Event(
                        endpoint.orgId(),
                        endpoint.environment(),
                        EventCatalogue.ENDPOINT_PAUSED,
                        Ids.newId("msg"),
                        Optional.empty(),
                        data,
                        now),
                endpoint.id());
    }
}
