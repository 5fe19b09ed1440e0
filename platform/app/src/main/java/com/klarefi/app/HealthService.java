package com.klarefi.app;

import com.klarefi.platform.db.DatabaseHealth;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** {@code GET /api/v1/health}: 200 {@code {"status":"ok"}} when the database answers, else 503. */
final class HealthService {
    private final DatabaseHealth database;

    HealthService(DatabaseHealth database) {
        this.database = database;
    }

    void handle(ServerRequest request, ServerResponse response) {
        if (!database.isUp()) {
            throw ApiException.of(
                            503,
                            ErrorTypes.UNAVAILABLE,
                            "database_unavailable",
                            "The service cannot reach its database.")
                    .withHeader("Retry-After", "5");
        }
        Responses.ok(response, Map.of("status", "ok"));
    }
}
