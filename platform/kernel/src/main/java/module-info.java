/**
 * The kernel every Klarefi module stands on: configuration, ids, JSON, HTTP plumbing, the database,
 * background jobs and the address rules for outgoing connections. Modules see only these packages; the composition root lives in the app.
 */
module com.klarefi.platform {
    requires transitive io.helidon.webserver;
    requires transitive io.helidon.http;
    requires transitive io.helidon.webclient.api;
    requires transitive java.sql;
    requires transitive org.jdbi.v3.core;
    requires transitive org.jobrunr.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires org.jdbi.v3.postgres;
    requires io.leangen.geantyref;
    requires flyway.core;
    requires embedded.postgres;
    requires jdk.httpserver;
    requires org.objectweb.asm;

    exports com.klarefi.platform.config;
    exports com.klarefi.platform.ids;
    exports com.klarefi.platform.json;
    exports com.klarefi.platform.http;
    exports com.klarefi.platform.db;
    exports com.klarefi.platform.jobs;
    exports com.klarefi.platform.module;
    exports com.klarefi.platform.secrets;
    exports com.klarefi.platform.idempotency;
    exports com.klarefi.platform.erasure;
    exports com.klarefi.platform.metrics;
    exports com.klarefi.platform.net;
    exports com.klarefi.platform.web;
}
