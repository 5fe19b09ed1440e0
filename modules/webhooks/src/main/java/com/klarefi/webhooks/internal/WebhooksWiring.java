package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.CaseEventLog;
import com.klarefi.platform.module.Platform;
import com.klarefi.platform.net.AddressGuard;
import com.klarefi.webhooks.api.Webhooks;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.EndpointRepository;
import com.klarefi.webhooks.internal.db.WebhookStore;
import com.klarefi.webhooks.internal.delivery.DeliveryService;
import com.klarefi.webhooks.internal.delivery.EndpointRules;
import com.klarefi.webhooks.internal.delivery.Outbox;
import com.klarefi.webhooks.internal.delivery.RetrySchedule;
import com.klarefi.webhooks.internal.delivery.SignedSender;
import com.klarefi.webhooks.internal.delivery.WebhookSender;
import com.klarefi.webhooks.internal.delivery.WebhookSettings;
import com.klarefi.webhooks.internal.endpoints.EndpointService;
import com.klarefi.webhooks.internal.http.AdminOperations;
import com.klarefi.webhooks.internal.http.WebhooksAdminHttpService;
import com.klarefi.webhooks.internal.http.WebhooksApiHttpService;
import com.klarefi.webhooks.internal.jobs.DeliverWebhookHandler;
import com.klarefi.webhooks.internal.jobs.DrainEndpointHandler;
import com.klarefi.webhooks.internal.jobs.JobRunrDeliveryQueue;
import com.klarefi.webhooks.internal.jobs.PurgeWebhookAttempts;
import com.klarefi.webhooks.internal.jobs.PurgeWebhookAttemptsHandler;
import com.klarefi.webhooks.internal.jobs.ReconcileDeliveries;
import com.klarefi.webhooks.internal.jobs.ReconcileDeliveriesHandler;
import com.klarefi.webhooks.internal.signing.SecretCipher;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Builds the webhooks module's parts from the platform; {@link WebhooksFacade} is what others hold. */
final class WebhooksWiring {
    static final String SECRET_PURPOSE = "webhook-secret-encryption";

    private WebhooksWiring() {}

    static Webhooks assemble(Platform platform, CaseEventLog cases) {
        return assemble(platform, cases, AddressGuard.from(platform.settings()), RandomGenerator.getDefault());
    }

    /** With the address guard and the jitter's random source given, for tests. */
    static WebhooksFacade assemble(Platform platform, CaseEventLog cases, AddressGuard guard, RandomGenerator jitter) {
        WebhookSettings settings = WebhookSettings.from(platform.settings());
        WebhookStore store = new WebhookStore(platform.database().jdbi());
        EndpointRepository endpoints =
                new EndpointRepository(platform.database().jdbi());
        DeliveryRepository deliveryRows =
                new DeliveryRepository(platform.database().jdbi());
        EventCatalogue catalogue = EventCatalogue.load();
        SecretCipher cipher = new SecretCipher(platform.secrets().derive(SECRET_PURPOSE));
        EndpointRules rules = new EndpointRules(guard, settings.liveHttpAllowed());
        SignedSender sender =
                new SignedSender(new WebhookSender(guard, settings.timeout()), rules, cipher, platform.clock());
        JobRunrDeliveryQueue queue = new JobRunrDeliveryQueue(platform.jobs(), platform.clock());
        Outbox outbox = new Outbox(endpoints, deliveryRows);
        DeliveryService deliveries = new DeliveryService(
                store,
                endpoints,
                deliveryRows,
                outbox,
                sender,
                new RetrySchedule(settings.jitterPercent(), jitter),
                queue,
                settings,
                platform.clock(),
                platform.metrics(),
                platform.jobs()::runsServer);
        EndpointService service = new EndpointService(
                store, endpoints, deliveryRows, rules, cipher, queue, settings.secretOverlap(), platform.clock());

        cases.addEventListener(new CaseEventRelay(outbox, deliveries));
        platform.erasure().register(deliveryRows::eraseDocument);
        platform.jobs().register(DeliverWebhookHandler.class, new DeliverWebhookHandler(deliveries));
        platform.jobs().register(DrainEndpointHandler.class, new DrainEndpointHandler(deliveries));
        platform.jobs().register(ReconcileDeliveriesHandler.class, new ReconcileDeliveriesHandler(deliveries));
        platform.jobs()
                .register(
                        PurgeWebhookAttemptsHandler.class,
                        new PurgeWebhookAttemptsHandler(deliveryRows, settings.attemptRetention(), platform.clock()));
        platform.jobs().recurring(ReconcileDeliveries.RECURRING_ID, Duration.ofSeconds(15), new ReconcileDeliveries());
        platform.jobs().recurring(PurgeWebhookAttempts.RECURRING_ID, Duration.ofHours(1), new PurgeWebhookAttempts());

        return new WebhooksFacade(
                new WebhooksAdminHttpService(service, endpoints, deliveryRows, catalogue, platform.jsonBodies()),
                new WebhooksApiHttpService(sender, rules, catalogue, platform.jsonBodies(), platform.clock()),
                queue,
                deliveries,
                new AdminOperations(service, endpoints, deliveryRows, catalogue, sender, platform.clock()));
    }
}
