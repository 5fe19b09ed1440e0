package com.klarefi.platform.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Readiness: does the database answer a trivial query through the shared pool? Helidon's JDBC
 * client runs the probe over our Hikari pool, so health measures the same connections that serve
 * requests.
 */
public final class DatabaseHealth {
    private static final System.Logger LOG = System.getLogger(DatabaseHealth.class.getName());
    private final DbClient client;

    public DatabaseHealth(Database database) {
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                try {
                    return database.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException("no database connection", e);
                }
            }

            @Override
            public String dbType() {
                return "postgresql";
            }
        };
        this.client = JdbcClientBuilder.create().connectionPool(pool).build();
    }

    public boolean isUp() {
        try {
            return client.execute().get("SELECT 1 AS up").map(row -> row.column("up").getInt() == 1).orElse(false);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "database health check failed: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
