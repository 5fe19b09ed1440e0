package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.metrics.Counter;
import com.klarefi.platform.metrics.Histogram;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.EndpointRow;
import com.klarefi.webhooks.internal.db.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Sends deliveries: claims one (only the job holding its current dispatch number, only while the
 * endpoint is enabled and has a free slot, so a slow receiver holds at most a few workers), signs
 * and posts it outside any transaction, then records the outcome. A crash after the receiver's 2xx
 * and before the bookkeeping leaves the delivery pending under the same job: it is sent again with
 * the same {@code webhook-id}, a duplicate and never a loss.
 */
public final class DeliveryService implements AutoCloseable {
    /** A delivery due this long ago without a live job is handed a new one. */
    static final Duration RECONCILE_IDLE = Duration.ofSeconds(20);

    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    static final int FIRST_ATTEMPTS_AT_ONCE = 4;
    /** Longer than JobRunr's poll interval (5 s by default), so an early job always waits to its time. */
    private static final Duration MAX_EARLY = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(DeliveryService.class.getName());

    private final WebhookStore store;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final SignedSender sender;
    private final AttemptRecorder recorder;
    private final DeliveryQueue queue;
    private final WebhookSettings settings;
    private final Clock clock;
    private final RetryAlarm alarm;
    private final BooleanSupplier sendsHere;
    /**
     * First attempts under way in this process. Bounded like a job server's workers: each takes a
     * pooled connection twice, and a burst of events (a backlog finishing after a restart) with one
     * thread each emptied the pool for requests and jobs. Beyond the bound, deliveries go to jobs.
     */
    private final Semaphore firstAttempts = new Semaphore(FIRST_ATTEMPTS_AT_ONCE);

    private final Counter attempts;
    private final Histogram attemptSeconds;

    /**
     * {@code sendsHere}: whether this process sends first attempts itself (it runs a job server);
     * asked at each event, since the job server starts after the modules are wired.
     */
    public DeliveryService(
            WebhookStore store,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            Outbox outbox,
            SignedSender sender,
            RetrySchedule schedule,
            DeliveryQueue queue,
            WebhookSettings settings,
            Clock clock,
            Metrics metrics,
            BooleanSupplier sendsHere) {
        this.sendsHere = sendsHere;
        this.attempts =
                metrics.counter("klarefi_webhook_attempts_total", "Webhook delivery attempts by outcome", "outcome");
        this.attemptSeconds =
                metrics.histogram("klarefi_webhook_attempt_seconds", "Webhook attempt duration", Metrics.SECONDS);
        this.store = store;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.recorder = new AttemptRecorder(endpoints, deliveries, outbox, schedule, settings);
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.alarm = new RetryAlarm(clock);
    }

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        STALE,
        ENDPOINT_NOT_ENABLED,
        BUSY
    }

    /**
     * Delivers once the attempt is due. JobRunr moves a scheduled job to the queue up to one poll
     * interval early, which would turn the schedule's 5 s retry into anything from 0 to 5 s; the
     * job waits out the difference (at most {@link #MAX_EARLY}) so retries keep their published delays.
     */
    public Outcome deliverWhenDue(String deliveryId, int dispatch) {
        Optional<DeliveryRow> seen = deliveries.find(deliveryId);
        Optional<Instant> due = seen.filter(row -> row.dispatch() == dispatch).flatMap(DeliveryRow::nextAttemptAt);
        Duration early = due.map(at -> Duration.between(now(), at)).orElse(Duration.ZERO);
        if (early.isPositive()) {
            try {
                Thread.sleep(early.compareTo(MAX_EARLY) > 0 ? MAX_EARLY : early);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.STALE;
            }
        }
        return deliver(seen, deliveryId, dispatch);
    }

    public Outcome deliver(String deliveryId, int dispatch) {
        return deliver(Optional.empty(), deliveryId, dispatch);
    }

    /**
     * {@code seen} is the delivery as read before, without a lock, when the caller has read it: it
     * names the endpoint to lock first; without it the claim finds the endpoint through the delivery.
     */
    private Outcome deliver(Optional<DeliveryRow> seen, String deliveryId, int dispatch) {
        Claim claim = store.inTransaction(tx -> claim(tx, seen, deliveryId, dispatch));
        if (claim.outcome() != null) {
            claim.deferred().ifPresent(ref -> hand(List.of(ref)));
            return claim.outcome();
        }
        Instant started = now();
        SendResult result = sender.send(claim.endpoint(), claim.delivery());
        attempts.inc(
                result.succeeded()
                        ? "succeeded"
                        : result.statusCode().map(code -> "http_" + code).orElse("error"));
        attemptSeconds.observe(result.duration().toMillis() / 1000.0);
        LOG.log(
                System.Logger.Level.INFO,
                "job=deliver_webhook delivery_id=" + claim.delivery().id() + " endpoint_id="
                        + claim.endpoint().id() + " event_type="
                        + claim.delivery().eventType() + " outcome="
                        + (result.succeeded() ? "succeeded" : "failed") + " status="
                        + result.statusCode().map(String::valueOf).orElse("-")
                        + " duration_ms=" + result.duration().toMillis());
        List<DispatchRef> followUps = store.inTransaction(tx -> {
            List<DispatchRef> next = new ArrayList<>(recorder.record(tx, claim.delivery(), result, started, now()));
            if (result.succeeded()) {
                // The slot this delivery held is free: a delivery that found the slots taken goes
                // now rather than at its deferred job's time (BUSY_RETRY plus a poll), the tail
                // that showed under load as first attempts 8 to 15 s after their event.
                deliveries.wakeDeferred(tx, claim.endpoint().id(), now()).ifPresent(next::add);
            }
            return next;
        });
        hand(followUps);
        return result.succeeded() ? Outcome.SUCCEEDED : Outcome.FAILED;
    }

    /**
     * The first attempts of deliveries whose event has just committed, sent by this process at once
     * instead of through a job each (a job costs three writes of its JSON and a poll). Each goes on a
     * virtual thread of its own and claims its delivery as a job would, under the same lease, so a
     * delivery is sent by one sender at a time. If the process dies before the bookkeeping, or the
     * claim fails (the database is away), the delivery stays pending without a job and the
     * reconciler hands it one once it is overdue and its lease has run out: the attempt may have
     * reached the receiver, so it is sent again with the same {@code webhook-id}, a duplicate and
     * never a loss. An instance without a job server hands its deliveries to jobs instead, and so
     * does this one for what exceeds {@link #FIRST_ATTEMPTS_AT_ONCE}.
     */
    public void sendFirstAttempts(List<DispatchRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        if (!sendsHere.getAsBoolean()) {
            queue.dispatch(refs);
            return;
        }
        List<DispatchRef> toJobs = new ArrayList<>();
        for (DispatchRef ref : refs) {
            if (!firstAttempts.tryAcquire()) {
                toJobs.add(ref);
                continue;
            }
            Thread.ofVirtual().name("webhook-first-" + ref.deliveryId()).start(() -> {
                try {
                    deliver(ref.deliveryId(), ref.dispatch());
                } catch (RuntimeException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "first attempt of delivery " + ref.deliveryId()
                                    + " failed before its outcome was recorded; the reconciler hands it a job ("
                                    + e.getClass().getSimpleName() + ")");
                } finally {
                    firstAttempts.release();
                }
            });
        }
        queue.dispatch(toJobs);
    }

    /** Hands deliveries to their jobs and arms an alarm for each that is due later (see {@link RetryAlarm}). */
    private void hand(List<DispatchRef> refs) {
        queue.dispatch(refs);
        refs.forEach(ref -> alarm.arm(ref, this::ring));
    }

    /**
     * The alarm rang: the delivery is sent now, on a thread of its own. A job of the same dispatch
     * that JobRunr started early and that waited to this moment may claim it first; the claim lets
     * one of them send, and the other ends.
     */
    private void ring(DispatchRef due) {
        Thread.ofVirtual()
                .name("webhook-retry-" + due.deliveryId())
                .start(() -> deliver(due.deliveryId(), due.dispatch()));
    }

    private Claim claim(Tx tx, Optional<DeliveryRow> seen, String deliveryId, int dispatch) {
        // Endpoint first, then the delivery: the same lock order as the bookkeeping.
        Optional<EndpointRow> endpoint = seen.isPresent()
                ? endpoints.lock(tx, seen.get().endpointId())
                : endpoints.lockOfDelivery(tx, deliveryId);
        if (endpoint.isEmpty()) {
            return Claim.ended(Outcome.STALE);
        }
        Optional<DeliveryRow> locked = deliveries.lock(tx, deliveryId);
        if (locked.isEmpty()) {
            return Claim.ended(Outcome.STALE);
        }
        DeliveryRow delivery = locked.get();
        Instant now = now();
        if (!delivery.status().equals(DeliveryRow.PENDING)
                || delivery.dispatch() != dispatch
                || delivery.beingSent(now)) {
            return Claim.ended(Outcome.STALE);
        }
        if (!endpoint.get().enabled()) {
            return Claim.ended(Outcome.ENDPOINT_NOT_ENABLED);
        }
        if (deliveries.sending(tx, endpoint.get().id(), deliveryId, now) >= settings.maxInFlightPerEndpoint()) {
            return new Claim(
                    Outcome.BUSY, null, null, Optional.of(deliveries.redispatch(tx, deliveryId, now.plus(BUSY_RETRY))));
        }
        deliveries.markSending(tx, deliveryId, now.plus(settings.timeout()).plusSeconds(30));
        return new Claim(null, delivery, endpoint.get(), Optional.empty());
    }

    /** Sends the endpoint's pending deliveries oldest first; at the first failure the rest get their own jobs. */
    public void drain(String endpointId) {
        List<String> pending = deliveries.pending(endpointId);
        for (int i = 0; i < pending.size(); i++) {
            String id = pending.get(i);
            Optional<DispatchRef> ref =
                    store.inTransaction(tx -> deliveries.redispatchIfIdle(tx, id, OptionalInt.empty(), now()));
            if (ref.isEmpty()) {
                continue; // a job is sending it right now
            }
            Outcome outcome = deliver(id, ref.get().dispatch());
            if (outcome == Outcome.ENDPOINT_NOT_ENABLED) {
                return;
            }
            if (outcome == Outcome.FAILED || outcome == Outcome.BUSY) {
                List<String> rest = pending.subList(i + 1, pending.size());
                queue.dispatch(store.inTransaction(tx -> rest.stream()
                        .flatMap(next -> deliveries.redispatchIfIdle(tx, next, OptionalInt.empty(), now()).stream())
                        .toList()));
                return;
            }
        }
    }

    /**
     * Hands a job to every overdue delivery that nobody is sending: its job is missing (a first
     * attempt sent in-process and interrupted, or a crash before an enqueue) or ended without moving
     * it on. A first attempt has no job of its own, so a missing job alone says nothing; the lease
     * does: an overdue delivery whose lease has run out may have been attempted already, and gets
     * a new dispatch number, so a sender that wakes up late finds itself stale instead of sending
     * beside the new job.
     */
    public void reconcile() {
        Instant now = now();
        int repaired = 0;
        for (DispatchRef ref : deliveries.overdue(now.minus(RECONCILE_IDLE), now, 500)) {
            if (queue.fate(ref) == DeliveryQueue.JobFate.ALIVE) {
                continue;
            }
            Optional<DispatchRef> fresh = store.inTransaction(
                    tx -> deliveries.redispatchIfIdle(tx, ref.deliveryId(), OptionalInt.of(ref.dispatch()), now));
            fresh.ifPresent(next -> queue.dispatch(List.of(next)));
            repaired += fresh.isPresent() ? 1 : 0;
        }
        if (repaired > 0) {
            LOG.log(System.Logger.Level.WARNING, "handed " + repaired + " webhook deliveries a new job");
        }
    }

    @Override
    public void close() {
        alarm.close();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Either an outcome that ends the job (with an optional deferral) or the claimed delivery. */
    private record Claim(Outcome outcome, DeliveryRow delivery, EndpointRow endpoint, Optional<DispatchRef> deferred) {
        static Claim ended(Outcome outcome) {
            return new Claim(outcome, null, null, Optional.empty());
        }
    }
}
