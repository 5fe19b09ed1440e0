package com.klarefi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A server on its own database with a loopback for documents and webhooks, and a console client
 * signed in as an operator: what each class of console tests starts once.
 */
record SignedInConsole(
        TestDatabase database, TestServerAccess.Running server, Loopback loopback, DashboardClient browser)
        implements AutoCloseable {
    private static final String PASSWORD = "a long enough password";

    static SignedInConsole start(Path dataDirectory, Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        settings.putAll(overrides);
        TestDatabase database = TestDatabase.create();
        TestServerAccess.Running server = TestServerAccess.start(database, dataDirectory, settings);
        server.newOperator("operator@example.com", PASSWORD);
        DashboardClient browser = new DashboardClient(server.adminPort());
        assertThat(browser.signIn("operator@example.com", PASSWORD).statusCode())
                .isEqualTo(303);
        return new SignedInConsole(database, server, new Loopback(), browser);
    }

    @Override
    public void close() {
        loopback.close();
        server.close();
        database.close();
    }
}
