package com.klarefi.webhooks.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.erasure.ErasureTarget;
import com.klarefi.platform.http.Environment;
import com.klarefi.testing.TestDatabase;
import com.klarefi.webhooks.api.WebhooksModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox and its attempt log against a real PostgreSQL with the module's migrations. */
class DeliveryRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static TestDatabase testDatabase;
    private static Database database;
    private static EndpointRepository endpoints;
    private static DeliveryRepository deliveries;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate(WebhooksModule.NAME);
        endpoints = new EndpointRepository(database.jdbi());
        deliveries = new DeliveryRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void anEventIsRecordedOnceForAnEndpointHoweverOftenItIsOffered() {
        String endpointId = anEndpoint("org_once", "test");
        String first = newId("dlv");

        database.useTransaction(tx -> {
            deliveries.insert(tx, new NewDelivery(first, endpointId, "evt_once", "case.updated", "v1", "{}", NOW));
            deliveries.insert(
                    tx, new NewDelivery(newId("dlv"), endpointId, "evt_once", "case.updated", "v1", "{}", NOW));
        });

        assertThat(deliveries.list(endpointId, Optional.empty(), 10))
                .extracting(DeliveryRow::id)
                .containsExactly(first);
        assertThat(deliveries.find(first).orElseThrow().status()).isEqualTo("pending");
    }

    @Test
    void erasingADocumentReplacesItsIdInItsOrganisationsPayloadsAndDropsTheAnswers() {
        String ours = anEndpoint("org_erase", "test");
        String otherEnvironment = anEndpoint("org_erase", "live");
        String payload = "{\"data\":{\"doc_id\":\"doc_gone\"}}";
        String delivery = aDelivery(ours, payload, NOW);
        String untouched = aDelivery(otherEnvironment, payload, NOW);
        database.useTransaction(tx -> deliveries.logAttempt(
                tx,
                new AttemptRow(
                        delivery,
                        1,
                        NOW,
                        12,
                        Optional.of(200),
                        "received doc_gone",
                        Optional.empty(),
                        Optional.empty())));

        database.useTransaction(tx -> deliveries.eraseDocument(
                tx, new ErasureTarget("org_erase", Environment.TEST, "doc_gone", "case_1", "era_1")));

        assertThat(deliveries.find(delivery).orElseThrow().payload()).isEqualTo("{\"data\":{\"doc_id\":\"erased\"}}");
        assertThat(deliveries.attempts(delivery))
                .extracting(AttemptRow::responseBody)
                .containsOnlyNulls();
        assertThat(deliveries.find(untouched).orElseThrow().payload()).isEqualTo(payload);
    }

    @Test
    void purgingRemovesOldAttemptsAndOldFinishedDeliveriesButNoPendingOne() {
        String endpointId = anEndpoint("org_purge", "test");
        Instant old = NOW.minus(Duration.ofDays(40));
        String finished = aDelivery(endpointId, "{}", old);
        String pending = aDelivery(endpointId, "{}", old);
        database.useTransaction(tx -> {
            deliveries.logAttempt(
                    tx, new AttemptRow(finished, 1, old, 5, Optional.of(200), "", Optional.empty(), Optional.empty()));
            deliveries.recordOutcome(tx, finished, 1, "succeeded", Optional.of(200), Optional.empty(), old);
            deliveries.logAttempt(
                    tx, new AttemptRow(pending, 1, old, 5, Optional.of(500), "", Optional.empty(), Optional.empty()));
        });

        int purged = deliveries.purge(NOW.minus(Duration.ofDays(30)));

        assertThat(purged).isEqualTo(2);
        assertThat(deliveries.find(finished)).isEmpty();
        assertThat(deliveries.find(pending)).isPresent();
        assertThat(deliveries.attempts(pending)).isEmpty();
    }

    private static String anEndpoint(String orgId, String environment) {
        String id = newId("whep");
        database.useTransaction(tx -> endpoints.insert(
                tx,
                new EndpointRow(
                        id,
                        orgId,
                        environment,
                        "https://hooks.example/" + id,
                        "",
                        EndpointRow.ENABLED,
                        Optional.empty(),
                        NOW,
                        new byte[] {1},
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        NOW,
                        NOW,
                        List.of())));
        return id;
    }

    private static String aDelivery(String endpointId, String payload, Instant at) {
        String id = newId("dlv");
        database.useTransaction(tx -> deliveries.insert(
                tx, new NewDelivery(id, endpointId, newId("evt"), "document.processed", "v1", payload, at)));
        return id;
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
