package com.klarefi.testing;

import com.klarefi.platform.config.Mode;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.erasure.ErasureParticipants;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.jobs.JobsSettings;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.Platform;
import com.klarefi.platform.secrets.Secrets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Platform} over a real database for module tests, built the way the application builds
 * it (the platform schema migrated, a job system that enqueues but runs no server unless started).
 */
public final class TestPlatforms {
    private TestPlatforms() {}

    public static Platform create(Database database, Map<String, String> settings) {
        return create(database, settings, Clock.systemUTC());
    }

    public static Platform create(Database database, Map<String, String> settings, Clock clock) {
        database.migrate("platform");
        database.ensureSchema(Jobs.SCHEMA);
        Settings all = Settings.of(settings);
        Jobs jobs = new Jobs(
                new JobsSettings(false, 2, Duration.ofSeconds(5), "test", false, 0, "admin", Optional.empty()),
                database.dataSource());
        return new Platform(
                all,
                Mode.EMBEDDED,
                database,
                jobs,
                new Secrets(Secrets.randomBytes(32)),
                clock,
                new JsonBodies(all.bytes("KLAREFI_HTTP_MAX_JSON_BYTES")),
                new Idempotency(database, clock, Duration.ofHours(24)),
                new ErasureParticipants(),
                URI.create("http://127.0.0.1:8080"),
                new Metrics());
    }
}
