package com.klarefi.platform.module;

import com.klarefi.platform.config.Mode;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.erasure.ErasureParticipants;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.secrets.Secrets;
import java.net.URI;
import java.time.Clock;

/**
 * What every module is given: the database, the job system, secrets, the clock, the JSON body
 * reader, idempotency for POST endpoints and this installation's public address. Modules read their own settings from
 * {@code settings} in their factory and keep only the typed values they need.
 */
public record Platform(
        Settings settings,
        Mode mode,
        Database database,
        Jobs jobs,
        Secrets secrets,
        Clock clock,
        JsonBodies jsonBodies,
        Idempotency idempotency,
        ErasureParticipants erasure,
        URI publicBaseUrl,
        Metrics metrics) {}
