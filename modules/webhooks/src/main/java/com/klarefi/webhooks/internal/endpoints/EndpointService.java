package com.klarefi.webhooks.internal.endpoints;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.ids.Ids;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.EndpointRow;
import com.klarefi.webhooks.internal.db.Subscription;
import com.klarefi.webhooks.internal.db.WebhookStore;
import com.klarefi.webhooks.internal.delivery.DeliveryQueue;
import com.klarefi.webhooks.internal.delivery.EndpointRules;
import com.klarefi.webhooks.internal.signing.SecretCipher;
import com.klarefi.webhooks.internal.signing.SigningSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** What operators do with endpoints: register, change, pause, resume, rotate, resend and replay. */
public final class EndpointService {
    private final WebhookStore store;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EndpointRules rules;
    private final SecretCipher cipher;
    private final DeliveryQueue queue;
    private final Duration secretOverlap;
    private final Clock clock;

    public EndpointService(
            WebhookStore store,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            EndpointRules rules,
            SecretCipher cipher,
            DeliveryQueue queue,
            Duration secretOverlap,
            Clock clock) {
        this.store = store;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.rules = rules;
        this.cipher = cipher;
        this.queue = queue;
        this.secretOverlap = secretOverlap;
        this.clock = clock;
    }

    /** An endpoint with its plain secret: shown on creation, rotation and explicit reveal only. */
    public record WithSecret(EndpointRow endpoint, SigningSecret secret) {}

    public WithSecret create(
            String orgId, String environment, String url, String description, List<Subscription> subscriptions) {
        requireRegistrable(url, environment);
        String id = Ids.newId("whep");
        SigningSecret secret = SigningSecret.generate();
        Instant now = now();
        EndpointRow row = new EndpointRow(
                id,
                orgId,
                environment,
                url.trim(),
                description,
                EndpointRow.ENABLED,
                Optional.empty(),
                now,
                cipher.encrypt(id, secret),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now,
                subscriptions);
        store.inTransaction(tx -> {
            endpoints.insert(tx, row);
            return null;
        });
        return new WithSecret(find(id), secret);
    }

    public EndpointRow find(String id) {
        return endpoints
                .find(id)
                .orElseThrow(() -> ApiException.notFound("endpoint_not_found", "No webhook endpoint " + id + "."));
    }

    public EndpointRow update(
            String id, Optional<String> url, Optional<String> description, Optional<List<Subscription>> subscriptions) {
        EndpointRow current = find(id);
        url.ifPresent(value -> requireRegistrable(value, current.environment()));
        store.inTransaction(tx -> {
            endpoints.update(
                    tx,
                    id,
                    url.map(String::trim).orElse(current.url()),
                    description.orElse(current.description()),
                    now());
            subscriptions.ifPresent(list -> endpoints.replaceSubscriptions(tx, id, list));
            return null;
        });
        return find(id);
    }

    public EndpointRow pause(String id) {
        find(id);
        store.inTransaction(tx -> {
            endpoints.setStatus(tx, id, EndpointRow.PAUSED, Optional.of("paused by an operator"), now());
            return null;
        });
        return find(id);
    }

    /** Enables the endpoint again and sends what waited, oldest first. */
    public EndpointRow resume(String id) {
        find(id);
        store.inTransaction(tx -> {
            endpoints.setStatus(tx, id, EndpointRow.ENABLED, Optional.empty(), now());
            return null;
        });
        queue.drain(id);
        return find(id);
    }

    public void delete(String id) {
        if (!endpoints.delete(id)) {
            throw ApiException.notFound("endpoint_not_found", "No webhook endpoint " + id + ".");
        }
    }

    /** A new secret; the previous one keeps signing beside it for the overlap period. */
    public WithSecret rotate(String id) {
        EndpointRow current = find(id);
        SigningSecret secret = SigningSecret.generate();
        Instant now = now();
        store.inTransaction(tx -> {
            endpoints.rotateSecret(tx, id, cipher.encrypt(id, secret), current.secret(), now.plus(secretOverlap), now);
            return null;
        });
        return new WithSecret(find(id), secret);
    }

    public SigningSecret reveal(String id) {
        EndpointRow endpoint = find(id);
        return cipher.decrypt(id, endpoint.secret());
    }

    public DeliveryRow resend(String deliveryId) {
        DeliveryRow delivery = deliveries
                .find(deliveryId)
                .orElseThrow(
                        () -> ApiException.notFound("delivery_not_found", "No webhook delivery " + deliveryId + "."));
        DispatchRef ref = store.inTransaction(tx -> deliveries.restart(tx, deliveryId, now()));
        if (find(delivery.endpointId()).enabled()) {
            queue.dispatch(List.of(ref));
        }
        return deliveries.find(deliveryId).orElseThrow();
    }

    /** Sends every delivery of the endpoint since {@code since} again, oldest first; returns how many. */
    public int replay(String endpointId, Instant since) {
        EndpointRow endpoint = find(endpointId);
        int count = store.inTransaction(tx -> {
            List<String> ids = deliveries.createdSince(tx, endpointId, since);
            ids.forEach(id -> deliveries.restart(tx, id, now()));
            return ids.size();
        });
        if (count > 0 && endpoint.enabled()) {
            queue.drain(endpointId);
        }
        return count;
    }

    private void requireRegistrable(String url, String environment) {
        rules.refusalToRegister(url, environment).ifPresent(refusal -> {
            throw ApiException.validation(refusal.code(), "The endpoint URL cannot be used: " + refusal.message() + ".")
                    .withDetail("param", "url");
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
