package com.klarefi.app;

import com.klarefi.auth.api.Operators;
import com.klarefi.auth.api.Organisations;
import com.klarefi.console.api.Console;
import com.klarefi.console.api.ConsoleModule;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.DatabaseHealth;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.BodyTimeout;
import com.klarefi.platform.http.HeaderTimeout;
import com.klarefi.platform.http.HttpSurface;
import com.klarefi.platform.http.RequestGuard;
import com.klarefi.platform.http.Route;
import com.klarefi.platform.idempotency.PurgeIdempotencyRecords;
import com.klarefi.platform.idempotency.PurgeIdempotencyRecordsHandler;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.jobs.JobsSettings;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One running Klarefi instance: the installation (database, secrets), the job system, every module
 * and the two HTTP listeners (public API and the admin surface). {@link #close()} shuts it down in
 * the reverse order: stop accepting, finish in-flight requests, stop jobs, release the database.
 */
public final class KlarefiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KlarefiServer.class.getName());
    public static final String ADMIN_SOCKET = "admin";

    private final Installation installation;
    private final Database database;
    private final Jobs jobs;
    private final Composition composition;
    private final WebServer webServer;
    private final HeaderTimeout headerTimeout;
    private final BodyTimeout bodyTimeout;
    private List<Route> apiRoutes = List.of();
    private boolean closed;

    private KlarefiServer(
            Installation installation,
            Database database,
            Jobs jobs,
            Composition composition,
            WebServer webServer,
            HeaderTimeout headerTimeout,
            BodyTimeout bodyTimeout) {
        this.installation = installation;
        this.database = database;
        this.jobs = jobs;
        this.composition = composition;
        this.webServer = webServer;
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    public static KlarefiServer start(Settings settings) {
        return start(settings, List.of());
    }

    /** Starts with extra modules beside the product's own (tests use this for probe endpoints). */
    static KlarefiServer start(Settings settings, List<Function<Platform, KlarefiModule>> extraModules) {
        Set<String> roles = roles(settings);
        Installation installation = Installation.open(settings);
        Database database = null;
        Jobs jobs = null;
        HeaderTimeout headerTimeout = null;
        BodyTimeout bodyTimeout = null;
        try {
            database = Database.connect(installation.connection());
            database.ensureSchema(Jobs.SCHEMA);
            jobs = new Jobs(jobsSettings(settings, roles, installation), database.dataSource());
            Metrics metrics = new Metrics();
            Platform platform = Platforms.create(settings, installation, database, jobs, Clock.systemUTC(), metrics);
            Composition composition = Composition.of(platform);
            List<KlarefiModule> modules = new ArrayList<>(composition.modules());
            extraModules.forEach(extra -> modules.add(extra.apply(platform)));
            jobs.register(
                    PurgeIdempotencyRecordsHandler.class, new PurgeIdempotencyRecordsHandler(platform.idempotency()));

            ApiRoutes api = new ApiRoutes("/api/v1", Route.Access.API_KEY);
            ApiRoutes admin = new ApiRoutes("/admin/v1", Route.Access.ADMIN);
            ApiRoutes pages = new ApiRoutes("", Route.Access.PUBLIC);
            HealthService health = new HealthService(new DatabaseHealth(database));
            api.publicRoute(Method.GET, "/health", health::handle);
            new DocsService().routes(api);
            admin.publicRoute(Method.GET, "/health", health::handle);
            Observability.routes(admin, metrics, health);
            Observability.jobGauges(metrics, jobs);
            for (KlarefiModule module : modules) {
                if (roles.contains("api")) {
                    module.apiRoutes(api);
                    module.pageRoutes(pages);
                }
                module.adminRoutes(admin);
            }
            Console console = ConsoleModule.create(
                    composition.dashboardModules(),
                    settings,
                    platform.publicBaseUrl(),
                    platform.clock(),
                    metrics,
                    platform.secrets());
            jobs.start();
            jobs.listenForWakeUps(database);
            jobs.recurring(PurgeIdempotencyRecords.RECURRING_ID, Duration.ofHours(1), new PurgeIdempotencyRecords());
            headerTimeout = HeaderTimeout.start(settings.seconds("KLAREFI_HTTP_HEADER_TIMEOUT_SECONDS"));
            bodyTimeout = BodyTimeout.start(
                    settings.seconds("KLAREFI_HTTP_BODY_TIMEOUT_SECONDS"),
                    settings.integer("KLAREFI_HTTP_BODY_MIN_BYTES_PER_SECOND"));
            WebServer webServer = webServer(
                    settings,
                    api,
                    pages,
                    admin,
                    console,
                    composition.apiGuard(metrics),
                    composition.adminGuard(),
                    metrics,
                    headerTimeout,
                    bodyTimeout);
            KlarefiServer server =
                    new KlarefiServer(installation, database, jobs, composition, webServer, headerTimeout, bodyTimeout);
            server.apiRoutes = api.routes();
            LOG.log(
                    System.Logger.Level.INFO,
                    "Klarefi is ready: API on port " + server.port() + ", admin surface on "
                            + settings.required("KLAREFI_ADMIN_HOST") + ":" + server.adminPort() + " ("
                            + installation.mode()
                            + " mode, roles " + String.join(",", roles) + ")");
            return server;
        } catch (RuntimeException e) {
            if (headerTimeout != null) {
                headerTimeout.close();
            }
            if (bodyTimeout != null) {
                bodyTimeout.close();
            }
            if (jobs != null) {
                jobs.close();
            }
            if (database != null) {
                database.close();
            }
            installation.close();
            throw e;
        }
    }

    private static WebServer webServer(
            Settings settings,
            ApiRoutes api,
            ApiRoutes pages,
            ApiRoutes admin,
            Console console,
            RequestGuard apiGuard,
            RequestGuard adminGuard,
            Metrics metrics,
            HeaderTimeout headerTimeout,
            BodyTimeout bodyTimeout) {
        long maxBody = settings.bytes("KLAREFI_HTTP_MAX_BODY_BYTES");
        Duration grace = settings.seconds("KLAREFI_SHUTDOWN_GRACE_SECONDS");
        Duration idleTimeout = settings.seconds("KLAREFI_HTTP_IDLE_TIMEOUT_SECONDS");
        // The idle check runs often enough that a connection outlives its timeout by at most a quarter of it.
        Duration idleCheck = Duration.ofMillis(Math.max(500, idleTimeout.toMillis() / 4));
        HttpSurface publicSurface = new HttpSurface("api", apiGuard, metrics).bodyTimeout(bodyTimeout);
        HttpSurface adminSurface = new HttpSurface("admin", adminGuard, metrics)
                .bodyTimeout(bodyTimeout)
                .errorPages(ConsoleModule.PREFIX, console.errorPage());
        return WebServer.builder()
                .shutdownHook(false)
                .host(settings.required("KLAREFI_HTTP_HOST"))
                .port(settings.port("KLAREFI_HTTP_PORT"))
                .maxPayloadSize(maxBody)
                .shutdownGracePeriod(grace)
                .protocolsDiscoverServices(false)
                .addProtocol(headerTimeout.http1(bodyTimeout.connectionListener()))
                .idleConnectionTimeout(idleTimeout)
                .idleConnectionPeriod(idleCheck)
                .directHandlers(HttpSurface.directHandlers())
                .routing(rules -> publicSurface.configure(rules, api, pages))
                .putSocket(
                        ADMIN_SOCKET,
                        socket -> socket.host(settings.required("KLAREFI_ADMIN_HOST"))
                                .port(settings.port("KLAREFI_ADMIN_PORT"))
                                .maxPayloadSize(maxBody)
                                .shutdownGracePeriod(grace)
                                .protocolsDiscoverServices(false)
                                .addProtocol(headerTimeout.http1(bodyTimeout.connectionListener()))
                                .idleConnectionTimeout(idleTimeout)
                                .idleConnectionPeriod(idleCheck)
                                .directHandlers(HttpSurface.directHandlers())
                                .routing(rules -> adminSurface.configure(rules, List.of(admin, console.routes()))))
                .build()
                .start();
    }

    private static JobsSettings jobsSettings(Settings settings, Set<String> roles, Installation installation) {
        String serverName;
        try {
            serverName = InetAddress.getLocalHost().getHostName() + ":" + settings.required("KLAREFI_HTTP_PORT");
        } catch (UnknownHostException e) {
            serverName = "klarefi:" + settings.required("KLAREFI_HTTP_PORT");
        }
        int pollSeconds = settings.integer("KLAREFI_JOBS_POLL_SECONDS");
        if (pollSeconds < 5) {
            throw new SettingsException(
                    "KLAREFI_JOBS_POLL_SECONDS must be at least 5 (JobRunr's minimum with SQL storage)");
        }
        int workers = settings.integer("KLAREFI_JOBS_WORKERS");
        if (workers < 1) {
            throw new SettingsException("KLAREFI_JOBS_WORKERS must be at least 1");
        }
        return new JobsSettings(
                roles.contains("jobs"),
                workers,
                Duration.ofSeconds(pollSeconds),
                serverName,
                settings.flag("KLAREFI_DASHBOARD_ENABLED"),
                settings.required("KLAREFI_ADMIN_HOST"),
                settings.port("KLAREFI_DASHBOARD_PORT"),
                settings.required("KLAREFI_DASHBOARD_USER"),
                installation.dashboardPassword());
    }

    private static Set<String> roles(Settings settings) {
        Set<String> roles = Arrays.stream(settings.required("KLAREFI_ROLES").split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String role : roles) {
            if (!role.equals("api") && !role.equals("jobs")) {
                throw new SettingsException("KLAREFI_ROLES may contain only 'api' and 'jobs', got '" + role + "'");
            }
        }
        if (roles.isEmpty()) {
            throw new SettingsException("KLAREFI_ROLES must name at least one of 'api' and 'jobs'");
        }
        return roles;
    }

    public int port() {
        return webServer.port();
    }

    public int adminPort() {
        return webServer.port(ADMIN_SOCKET);
    }

    /** The port of JobRunr's dashboard, if this instance serves it (tests). */
    OptionalInt jobDashboardPort() {
        return jobs.dashboardPort();
    }

    /** The public API's routes, for the test that holds the OpenAPI document to the code. */
    List<Route> apiRoutes() {
        return apiRoutes;
    }

    /** Operators' operations on this instance's database (tests and tools in this package). */
    Organisations organisations() {
        return composition.auth().organisations();
    }

    /** Dashboard accounts on this instance's database (tests and tools in this package). */
    Operators operators() {
        return composition.auth().operators();
    }

    public boolean embeddedDatabase() {
        return installation.embeddedDatabase();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.log(System.Logger.Level.INFO, "shutting down: finishing in-flight requests");
        long started = System.nanoTime();
        webServer.stop();
        headerTimeout.close();
        bodyTimeout.close();
        long web = System.nanoTime();
        jobs.close();
        composition.close();
        long background = System.nanoTime();
        database.close();
        installation.close();
        long end = System.nanoTime();
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        "Klarefi stopped in %d ms (http %d ms, jobs %d ms, database %d ms)",
                        (end - started) / 1_000_000,
                        (web - started) / 1_000_000,
                        (background - web) / 1_000_000,
                        (end - background) / 1_000_000));
    }
}
