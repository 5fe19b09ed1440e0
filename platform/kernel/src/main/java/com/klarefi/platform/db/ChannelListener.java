package com.klarefi.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears PostgreSQL notifications on one channel ({@code LISTEN}) and hands each payload over as it
 * arrives, so every instance of a shared database learns of a change the moment it commits. It
 * keeps a connection of its own, outside the pool: a listening session must stay open, and its
 * state must not leak to pooled work. Notifications sent while it is reconnecting are lost, so a
 * listener speeds up, and never replaces, a poll that catches every change.
 */
public final class ChannelListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChannelListener.class.getName());
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;

    private final ConnectionSettings settings;
    private final String channel;
    private final Consumer<String> onPayload;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChannelListener(ConnectionSettings settings, String channel, Consumer<String> onPayload) {
        this.settings = settings;
        this.channel = channel;
        this.onPayload = onPayload;
        this.thread = Thread.ofPlatform().daemon().name("db-listen-" + channel).unstarted(this::run);
    }

    static ChannelListener start(ConnectionSettings settings, String channel, Consumer<String> onPayload) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        ChannelListener listener = new ChannelListener(settings, channel, onPayload);
        listener.thread.start();
        return listener;
    }

    private void run() {
        while (running) {
            try (Connection listening = open();
                    Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + channel);
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] batch = notifications.getNotifications(WAIT_MILLIS);
                    if (batch != null) {
                        for (PGNotification notification : batch) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "not listening on " + channel + " (" + e.getClass().getSimpleName()
                                    + "); the poll covers changes until the database answers again");
                    pause();
                }
            } finally {
                connection = null;
            }
        }
    }

    private void deliver(String payload) {
        try {
            onPayload.accept(payload);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "handling a notification on " + channel + " failed: "
                            + e.getClass().getSimpleName());
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "klarefi-listen");
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty(
                "connectTimeout",
                String.valueOf(Math.max(1, settings.connectTimeout().toSeconds())));
        return DriverManager.getConnection(settings.url(), properties);
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the listening connection failed: " + e.getSQLState());
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
