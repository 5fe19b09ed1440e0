package com.klarefi.app.intake;

import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an API test talks to: a whole instance on a fresh database, and a loopback document server
 * beside it for the pipeline to fetch from (allowed only where the test's settings allow loopback).
 * Start it in {@code @BeforeAll} or a try-with-resources block; closing stops all three.
 */
final class ApiInstance implements AutoCloseable {
    private final TestDatabase database;
    private final TestServerAccess.Running server;
    private final DocumentServer documents;

    private ApiInstance(TestDatabase database, TestServerAccess.Running server, DocumentServer documents) {
        this.database = database;
        this.server = server;
        this.documents = documents;
    }

    /** {@code settings} override the test defaults, e.g. {@code KLAREFI_FETCH_ALLOWED_CIDRS}. */
    static ApiInstance start(Path dataDirectory, Map<String, String> settings) throws IOException {
        TestDatabase database = TestDatabase.create();
        TestServerAccess.Running server = TestServerAccess.start(database, dataDirectory, settings);
        return new ApiInstance(database, server, DocumentServer.start());
    }

    /** A new organisation's id and raw keys, and clients that send its test and live keys. */
    record Organisation(String orgId, String testKey, String liveKey, HttpTestClient test, HttpTestClient live) {}

    Organisation newOrganisation(String name) {
        Map<String, String> keys = server.newOrganisation(name);
        return new Organisation(
                keys.get("org_id"),
                keys.get("test"),
                keys.get("live"),
                client(keys.get("test")),
                client(keys.get("live")));
    }

    /** A client of the admin listener with a fresh admin token. */
    HttpTestClient admin() {
        return HttpTestClient.local(server.adminPort()).bearer(server.adminToken());
    }

    int port() {
        return server.port();
    }

    TestServerAccess.Running server() {
        return server;
    }

    TestDatabase database() {
        return database;
    }

    DocumentServer documents() {
        return documents;
    }

    private HttpTestClient client(String key) {
        return HttpTestClient.local(server.port()).bearer(key);
    }

    @Override
    public void close() {
        documents.close();
        server.close();
        database.close();
    }
}
