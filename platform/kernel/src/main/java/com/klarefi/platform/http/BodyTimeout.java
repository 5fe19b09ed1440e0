package com.klarefi.platform.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request body must keep arriving: it may take {@code grace} plus one second for every
 * {@code minBytesPerSecond} bytes received so far (the rule of Apache's mod_reqtimeout). Without
 * it a client that sends a body a byte every few seconds, or stops half-way, holds a connection
 * and a request thread for as long as it likes; the header and idle timeouts never see it.
 *
 * <p>A read that returns past the deadline fails with a {@code 408 request_timeout} that the
 * surface renders and the connection then closes. A read that is still blocked at the deadline
 * cannot return by itself, so a sweeper answers the 408 on the socket and closes it; the blocked
 * read then fails and the request ends without another answer.
 */
public final class BodyTimeout implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BodyTimeout.class.getName());
    private static final int IDLE = 0;
    private static final int READING = 1;
    private static final int EXPIRED = 2;

    private final long graceNanos;
    private final long minBytesPerSecond;
    private final ThreadLocal<ConnectionContext> connectionOfThread = new ThreadLocal<>();
    private final Set<WatchedBody> reading = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    private BodyTimeout(Duration grace, long minBytesPerSecond) {
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
        this.sweeper = HeaderTimeout.sweeper("http-body-timeout", grace, this::sweep);
    }

    public static BodyTimeout start(Duration grace, long minBytesPerSecond) {
        if (grace.isNegative() || grace.isZero() || minBytesPerSecond < 1) {
            throw new IllegalArgumentException("the body timeout and the minimum body rate must be positive");
        }
        return new BodyTimeout(grace, minBytesPerSecond);
    }

    /**
     * Remembers which connection the current thread serves: Helidon reads an HTTP/1.1 request's
     * headers and runs its routing on the connection's own thread.
     */
    public Http1ConnectionListener connectionListener() {
        return new Http1ConnectionListener() {
            @Override
            public void headers(ConnectionContext connection, Headers headers) {
                connectionOfThread.set(connection);
            }
        };
    }

    /**
     * Bounds the time the body of {@code request} may take to arrive; called from the routing filter
     * before anything reads {@code request.content()}, which takes the stream filter in force when
     * it is first asked for. A request without a body never uses the filter.
     */
    void watch(RoutingRequest request, String requestId) {
        ConnectionContext connection = connectionOfThread.get();
        if (connection == null) {
            return;
        }
        request.streamFilter(body -> new WatchedBody(body, connection, requestId));
    }

    static boolean isExpiry(Throwable error) {
        return error instanceof Expired;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (WatchedBody body : reading) {
            if (now > body.deadline() && body.state.compareAndSet(READING, EXPIRED)) {
                reading.remove(body);
                body.answerAndClose();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** The body timed out while a read was blocked: the 408 was written on the socket already. */
    private static final class Expired extends CloseConnectionException {
        Expired() {
            super("the request body arrived too slowly");
        }
    }

    private static ApiException timeout() {
        return ApiException.of(
                408,
                ErrorTypes.VALIDATION,
                "request_timeout",
                "The request body arrived too slowly; send it again at a steady rate.");
    }

    private final class WatchedBody extends FilterInputStream {
        private final ConnectionContext connection;
        private final String requestId;
        private final long started = System.nanoTime();
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile long received;

        WatchedBody(InputStream body, ConnectionContext connection, String requestId) {
            super(body);
            this.connection = connection;
            this.requestId = requestId;
        }

        long deadline() {
            return started + graceNanos + received * 1_000_000_000L / minBytesPerSecond;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (state.get() == EXPIRED) {
                throw new Expired();
            }
            if (System.nanoTime() > deadline()) {
                throw timeout();
            }
            state.set(READING);
            reading.add(this);
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                if (state.get() == EXPIRED) {
                    throw new Expired();
                }
                throw e;
            } finally {
                reading.remove(this);
            }
            if (!state.compareAndSet(READING, IDLE)) {
                throw new Expired();
            }
            if (read > 0) {
                received += read;
            }
            return read;
        }

        /** Runs on the sweeper while the request's thread is blocked reading, so nothing else writes. */
        void answerAndClose() {
            try {
                byte[] body = ErrorEnvelope.body(timeout(), requestId);
                String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n" + HttpSurface.REQUEST_ID_HEADER + ": " + requestId
                        + "\r\nConnection: close\r\n\r\n";
                byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
                byte[] answer = Arrays.copyOf(headBytes, headBytes.length + body.length);
                System.arraycopy(body, 0, answer, headBytes.length, body.length);
                connection.serverSocket().write(BufferData.create(answer));
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "answering a request whose body timed out failed: "
                                + e.getClass().getSimpleName());
            } finally {
                connection.serverSocket().close();
            }
        }
    }
}
