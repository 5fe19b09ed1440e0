package com.klarefi.app;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.erasure.ErasureParticipants;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.Platform;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link Platform} every module receives, the same way for the server and admin commands. */
final class Platforms {
    private Platforms() {}

    static Platform create(
            Settings settings, Installation installation, Database database, Jobs jobs, Clock clock, Metrics metrics) {
        database.migrate("platform");
        Duration retention = Duration.ofHours(settings.integer("KLAREFI_IDEMPOTENCY_RETENTION_HOURS"));
        Idempotency idempotency = new Idempotency(database, clock, retention);
        ErasureParticipants erasure = new ErasureParticipants();
        erasure.register(idempotency::erase);
        return new Platform(
                settings,
                installation.mode(),
                database,
                jobs,
                installation.secrets(),
                clock,
                new JsonBodies(settings.bytes("KLAREFI_HTTP_MAX_JSON_BYTES")),
                idempotency,
                erasure,
                installation.publicBaseUrl(),
                metrics);
    }
}
