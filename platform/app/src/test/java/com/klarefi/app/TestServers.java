package com.klarefi.app;

import com.klarefi.platform.config.Settings;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts whole Klarefi instances in the test JVM against a test database. */
final class TestServers {
    private TestServers() {}

    static Settings settings(TestDatabase database, Path dataDirectory, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("KLAREFI_MODE", "embedded");
        values.put("KLAREFI_DB_URL", database.jdbcUrl());
        values.put("KLAREFI_DB_USER", database.connectionSettings().user().orElse("postgres"));
        database.connectionSettings().password().ifPresent(password -> values.put("KLAREFI_DB_PASSWORD", password));
        values.put("KLAREFI_DB_POOL_SIZE", "8");
        values.put("KLAREFI_DATA_DIR", dataDirectory.toString());
        values.put("KLAREFI_HTTP_HOST", "127.0.0.1");
        values.put("KLAREFI_HTTP_PORT", "0");
        values.put("KLAREFI_ADMIN_PORT", "0");
        values.put("KLAREFI_DASHBOARD_ENABLED", "false");
        values.put("KLAREFI_PUBLIC_BASE_URL", "http://127.0.0.1:8080");
        values.putAll(overrides);
        return Settings.of(values);
    }

    static KlarefiServer start(TestDatabase database, Path dataDirectory, Map<String, String> overrides) {
        return KlarefiServer.start(settings(database, dataDirectory, overrides));
    }
}
