package com.klarefi.platform.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a request that failed because the database is unreachable (no connection within the
 * pool's timeout, a broken connection), which the API answers with 503 and {@code Retry-After}
 * instead of a 500: the client's retry with its idempotency key is the right reaction.
 */
final class DatabaseOutages {
    /** SQL state class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private static final int MAX_CAUSES = 16;

    private DatabaseOutages() {}

    static boolean isOutage(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }

    static ApiException unavailable() {
        return ApiException.of(
                        503,
                        ErrorTypes.UNAVAILABLE,
                        "database_unavailable",
                        "The database is not answering; nothing was changed. Try again shortly (with the same idempotency key).")
                .withHeader("Retry-After", "5");
    }
}
