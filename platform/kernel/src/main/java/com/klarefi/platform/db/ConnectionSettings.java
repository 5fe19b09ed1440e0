package com.klarefi.platform.db;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the database is, how big the pool may grow, and how long a statement may wait for the
 * server: {@code socketTimeout} bounds every read on a pooled connection (zero: no bound), so a
 * frozen or unreachable server fails a request or job instead of holding it. Migrations run on
 * their own connection without that bound.
 */
public record ConnectionSettings(
        String url,
        Optional<String> user,
        Optional<String> password,
        int poolSize,
        Duration connectTimeout,
        Duration socketTimeout) {
    /** The bound when none is configured: far above any statement the service runs. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    public ConnectionSettings(
            String url, Optional<String> user, Optional<String> password, int poolSize, Duration connectTimeout) {
        this(url, user, password, poolSize, connectTimeout, DEFAULT_SOCKET_TIMEOUT);
    }

    public ConnectionSettings {
        if (socketTimeout.isNegative()) {
            throw new IllegalArgumentException("socketTimeout must not be negative");
        }
    }

    public ConnectionSettings withSocketTimeout(Duration timeout) {
        return new ConnectionSettings(url, user, password, poolSize, connectTimeout, timeout);
    }

    /** The URL without query parameters, which may carry a password. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
