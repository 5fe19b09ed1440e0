package com.klarefi.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.platform.config.Mode;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.erasure.ErasureParticipants;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.http.HttpSurface;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.RequestGuard;
import com.klarefi.platform.http.Route;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.jobs.JobsSettings;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.Platform;
import com.klarefi.platform.net.AddressGuard;
import com.klarefi.platform.net.AddressPolicy;
import com.klarefi.platform.net.Cidr;
import com.klarefi.platform.net.HostResolver;
import com.klarefi.platform.secrets.Secrets;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestClock;
import com.klarefi.testing.TestDatabase;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One webhooks module over a real database, served through the real HTTP surfaces, with a clock
 * the test moves, a loopback receiver (allowed by the address rules as an operator would allow it)
 * and, when asked, a real JobRunr server. Public API callers name their org and environment in the
 * bearer token ({@code org_a:test}).
 */
final class WebhooksFixture implements AutoCloseable {
    final TestClock clock = TestClock.flowing();
    final FakeCaseEventLog cases = new FakeCaseEventLog();
    final Receiver receiver;
    final Database database;
    final Jobs jobs;
    final WebhooksFacade webhooks;
    final WebServer server;
    final HttpTestClient admin;
    private TestDatabase ownDatabase;

    private WebhooksFixture(
            TestDatabase testDatabase,
            Secrets secrets,
            Map<String, String> overrides,
            boolean jobServer,
            Receiver receiver) {
        this.receiver = receiver;
        this.database = Database.connect(testDatabase.connectionSettings());
        database.migrate("platform");
        database.ensureSchema(Jobs.SCHEMA);
        database.migrate("webhooks");
        Map<String, String> values = new HashMap<>(Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        values.putAll(overrides);
        Settings settings = Settings.of(values);
        this.jobs = new Jobs(
                new JobsSettings(
                        jobServer, 2, Duration.ofSeconds(5), "webhooks-test", false, 0, "admin", Optional.empty()),
                database.dataSource());
        Platform platform = new Platform(
                settings,
                Mode.EMBEDDED,
                database,
                jobs,
                secrets,
                clock,
                new JsonBodies(1 << 20),
                new Idempotency(database, clock, Duration.ofHours(1)),
                new ErasureParticipants(),
                URI.create("http://127.0.0.1"),
                new Metrics());
        this.webhooks =
                WebhooksWiring.assemble(platform, cases, guard(settings), RandomGenerator.of("L64X128MixRandom"));
        jobs.start();
        ApiRoutes adminRoutes = new ApiRoutes("/admin/v1", Route.Access.ADMIN);
        ApiRoutes apiRoutes = new ApiRoutes("/api/v1", Route.Access.API_KEY);
        webhooks.adminRoutes(adminRoutes);
        webhooks.apiRoutes(apiRoutes);
        HttpSurface adminSurface = new HttpSurface("admin", RequestGuard.NONE);
        HttpSurface apiSurface = new HttpSurface("api", WebhooksFixture::callerFromToken);
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(rules -> apiSurface.configure(rules, apiRoutes))
                .putSocket(
                        "admin",
                        socket -> socket.host("127.0.0.1")
                                .port(0)
                                .routing(rules -> adminSurface.configure(rules, adminRoutes)))
                .build()
                .start();
        this.admin = HttpTestClient.local(server.port("admin"));
    }

    /** A fixture on a fresh database of its own; {@link #closeWithDatabase()} ends all three. */
    static WebhooksFixture onOwnDatabase(Map<String, String> overrides) throws IOException {
        TestDatabase own = TestDatabase.create();
        WebhooksFixture fixture = start(own, overrides);
        fixture.ownDatabase = own;
        return fixture;
    }

    /** Closes the fixture, its receiver and the database it created for itself. */
    void closeWithDatabase() {
        close();
        receiver.close();
        if (ownDatabase != null) {
            ownDatabase.close();
        }
    }

    static WebhooksFixture start(TestDatabase testDatabase, Map<String, String> overrides) throws IOException {
        return new WebhooksFixture(
                testDatabase, new Secrets(Secrets.randomBytes(32)), overrides, false, new Receiver());
    }

    /** An instance without a job server sharing the installation secret and receiver with later ones. */
    static WebhooksFixture withSecrets(TestDatabase testDatabase, Secrets secrets, Receiver receiver) {
        return new WebhooksFixture(testDatabase, secrets, Map.of(), false, receiver);
    }

    /** A second instance on the same database, installation secret and receiver, running a job server. */
    static WebhooksFixture restartedWithJobServer(TestDatabase testDatabase, Secrets secrets, Receiver receiver) {
        return new WebhooksFixture(testDatabase, secrets, Map.of(), true, receiver);
    }

    /** An instance with its own receiver running a real job server, with settings of the test's choosing. */
    static WebhooksFixture withJobServer(TestDatabase testDatabase, Map<String, String> overrides) throws IOException {
        return new WebhooksFixture(testDatabase, new Secrets(Secrets.randomBytes(32)), overrides, true, new Receiver());
    }

    /** Loopback names resolve without DNS; addresses follow the operator's allowed ranges. */
    private static AddressGuard guard(Settings settings) {
        HostResolver resolver = host -> host.equals("receiver.test")
                ? List.of(InetAddress.getByName("127.0.0.1"))
                : HostResolver.system().resolve(host);
        return new AddressGuard(
                new AddressPolicy(AddressGuard.allowedCidrs(settings).stream()
                        .map(Cidr::parse)
                        .toList()),
                resolver);
    }

    private static void callerFromToken(ServerRequest request, ServerResponse response, Route route) {
        String token = request.headers()
                .first(HeaderNames.AUTHORIZATION)
                .orElse("Bearer org_a:test")
                .substring(7);
        String[] parts = token.split(":");
        Caller.attach(
                request, new Caller(parts[0], Environment.fromWire(parts[1]).orElseThrow(), "key_test"));
    }

    HttpTestClient api(String orgId, String environment) {
        return HttpTestClient.local(server.port()).bearer(orgId + ":" + environment);
    }

    /** Registers an endpoint on the receiver through the admin API; returns the created endpoint with its secret. */
    JsonNode register(String orgId, String environment, String path, List<String> types) {
        return registerUrl(orgId, environment, receiver.url(path), types);
    }

    /** Registers an endpoint at any URL (another receiver's) through the admin API. */
    JsonNode registerUrl(String orgId, String environment, String url, List<String> types) {
        HttpTestClient.Response created = admin.post(
                "/admin/v1/webhooks/endpoints",
                Map.of("org_id", orgId, "environment", environment, "url", url, "subscriptions", types));
        if (created.status() != 201) {
            throw new IllegalStateException("registration failed: " + created.body());
        }
        return created.json();
    }

    /** Appends a case event in its own transaction, as the cases module does. */
    LoggedCaseEvent emit(String orgId, String environment, CaseEvent event) {
        return database.jdbi()
                .inTransaction(handle -> cases.append(
                        new Tx(handle), orgId, Environment.fromWire(environment).orElseThrow(), event));
    }

    JsonNode deliveries(String endpointId) {
        return admin.get("/admin/v1/webhooks/endpoints/" + endpointId + "/deliveries")
                .json()
                .path("deliveries");
    }

    JsonNode delivery(String deliveryId) {
        return admin.get("/admin/v1/webhooks/deliveries/" + deliveryId).json();
    }

    JsonNode endpoint(String endpointId) {
        return admin.get("/admin/v1/webhooks/endpoints/" + endpointId).json();
    }

    /** The dispatch number only the current job holds. */
    int dispatchOf(String deliveryId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT dispatch FROM webhooks.deliveries WHERE id = :id")
                        .bind("id", deliveryId)
                        .mapTo(Integer.class)
                        .one());
    }

    /** Runs the delivery's current job in this thread, as a JobRunr worker would. */
    void runJob(String deliveryId) {
        webhooks.deliveries().deliver(deliveryId, dispatchOf(deliveryId));
    }

    @Override
    public void close() {
        server.stop();
        webhooks.close();
        jobs.close();
        database.close();
    }
}
