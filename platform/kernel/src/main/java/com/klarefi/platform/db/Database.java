package com.klarefi.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The shared PostgreSQL pool and the Jdbi handle over it. Each module owns a schema named after it
 * and migrates it with Flyway from {@code classpath:db/<schema>}; several instances starting at once
 * is safe because Flyway serialises migrations with a PostgreSQL advisory lock.
 */
public final class Database implements AutoCloseable {
    /** The longest a caller waits for a pooled connection once the service runs. */
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ConnectionSettings settings;

    private Database(HikariDataSource dataSource, ConnectionSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        // Jdbi appends a failed statement's bound arguments to its exception message; they are
        // document text, names and IBANs, and exception messages reach logs and job history.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    public static Database connect(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("klarefi");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // A request or job waits briefly for a connection and then fails (503 for a request), so an
        // unreachable database answers clients instead of holding them; the start waits longer.
        config.setConnectionTimeout(Math.min(settings.connectTimeout().toMillis(), ACQUIRE_TIMEOUT.toMillis()));
        // Fail at start when the database is unreachable, naming the URL (never the password).
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "klarefi");
        // pgjdbc otherwise quotes the server's error detail and a batch's bound values in its
        // exception messages ("Failing row contains ...", "parameter $1 = '...'").
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // A batch of inserts (a document's pages, a case's decisions, candidates and evidence)
        // goes to the server as multi-row INSERTs instead of one statement per row: the statements
        // per processed document fell from 116 to about 80 (docs/benchmarks.md). Batch results then
        // report SUCCESS_NO_INFO, which neither our code nor JobRunr's reads as a failure.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (settings.socketTimeout().isPositive()) {
            // pgjdbc reads whole seconds, as a string property; a sub-second setting still gets a bound.
            config.addDataSourceProperty(
                    "socketTimeout",
                    String.valueOf(Math.max(1, settings.socketTimeout().toSeconds())));
        }
        try {
            return new Database(new HikariDataSource(config), settings);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot connect to PostgreSQL at " + settings.safeUrl() + " (KLAREFI_DB_URL): " + rootMessage(e),
                    e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs work in one transaction that several modules can write in; commits unless it throws. */
    public <T> T inTransaction(Function<Tx, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
    }

    public void useTransaction(Consumer<Tx> work) {
        jdbi.useTransaction(handle -> work.accept(new Tx(handle)));
    }

    /** Applies the module's migrations from {@code classpath:db/<schema>} to its own schema. */
    public void migrate(String schema) {
        // Its own connection without the pool's socket timeout: a migration may build an index
        // on a large table for minutes without the server sending a byte.
        Flyway.configure()
                .dataSource(
                        settings.url(),
                        settings.user().orElse(null),
                        settings.password().orElse(null))
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_history")
                .locations("classpath:db/" + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.log(System.Logger.Level.DEBUG, "schema " + schema + " is up to date");
    }

    /**
     * Hands every payload notified on {@code channel} ({@code pg_notify}) to {@code onPayload}, on a
     * thread and connection of the listener's own, until the listener is closed.
     */
    public ChannelListener listen(String channel, Consumer<String> onPayload) {
        return ChannelListener.start(settings, channel, onPayload);
    }

    /** Creates a schema outside Flyway's control, for libraries that manage their own tables. */
    public void ensureSchema(String schema) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            // Two instances may race here; the schema existing afterwards is all that matters.
            if (!"42P06".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create schema " + schema, e);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable error) {
        Throwable cursor = error;
        while (cursor.getCause() != null) {
            cursor = cursor.getCause();
        }
        return cursor.getMessage();
    }
}
