package com.klarefi.platform.db;

import java.time.Duration;
import java.util.Optional;

/** Where the database is and how big the pool may grow. */
public record ConnectionSettings(String url, Optional<String> user, Optional<String> password,
                                 int poolSize, Duration connectTimeout) {

    /** The URL without query parameters, which may carry a password. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
