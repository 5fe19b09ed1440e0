package com.klarefi.platform.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A request's headers must arrive within a limit once its request line has. Helidon's idle
 * timeout ends a connection that sends no request line, but nothing ends one that sends a request
 * line and then its headers a byte at a time, or never: a few hundred such clients would hold as
 * many connections for good. A sweeper closes the socket of any connection past the limit.
 */
public final class HeaderTimeout implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HeaderTimeout.class.getName());

    private final long limitNanos;
    private final Map<ConnectionContext, Long> waitingSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private HeaderTimeout(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.sweeper = sweeper("http-header-timeout", limit, this::sweep);
    }

    /** A daemon thread that runs {@code sweep} often enough that nothing outlives {@code limit} by more than a quarter of it. */
    static ScheduledExecutorService sweeper(String name, Duration limit, Runnable sweep) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, Math.min(1000, limit.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(sweep, period, period, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    public static HeaderTimeout start(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the header timeout must be positive");
        }
        return new HeaderTimeout(limit);
    }

    /** HTTP/1.1 settings that report each request's progress to this timeout, and each request's headers to {@code others}. */
    public Http1Config http1(Http1ConnectionListener... others) {
        Http1ConnectionListener progress = new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext connection, HttpPrologue prologue) {
                waitingSince.put(connection, System.nanoTime());
            }

            @Override
            public void headers(ConnectionContext connection, Headers headers) {
                waitingSince.remove(connection);
                for (Http1ConnectionListener other : others) {
                    other.headers(connection, headers);
                }
            }
        };
        // One listener that calls the others: Helidon's composite of several passes on only their data events.
        return Http1Config.builder().addReceiveListener(progress).build();
    }

    private void sweep() {
        long now = System.nanoTime();
        waitingSince.forEach((connection, since) -> {
            if (now - since > limitNanos && waitingSince.remove(connection, since)) {
                try {
                    connection.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            "closing a connection past its header timeout failed: "
                                    + e.getClass().getSimpleName());
                }
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
