package com.klarefi.platform.jobs;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's dashboard, served from JobRunr's own handlers but on a server of ours: JobRunr binds
 * its dashboard to every interface and lets a client guess passwords as fast as it can send them.
 * Ours listens on one address (the admin host, loopback unless configured otherwise) and refuses a
 * client with 429 for a while after repeated wrong passwords, the wait doubling each time.
 */
final class JobDashboard implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<HttpExchangeHandler> handlers;

    private JobDashboard(HttpServer server, ExecutorService executor, List<HttpExchangeHandler> handlers) {
        this.server = server;
        this.executor = executor;
        this.handlers = handlers;
    }

    static JobDashboard start(
            StorageProvider storage, JsonMapper jsonMapper, String host, int port, String user, String password) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the job dashboard on " + host + ":" + port, e);
        }
        ThrottledBasicAuthenticator authenticator = new ThrottledBasicAuthenticator(user, password);
        server.createContext("/", new RedirectHttpHandler("/", "/dashboard"));
        List<HttpExchangeHandler> secured = List.of(
                new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, jsonMapper, false),
                new JobRunrSseHandler(storage, jsonMapper));
        for (HttpExchangeHandler handler : secured) {
            server.createContext(handler.getContextPath(), handler).setAuthenticator(authenticator);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new JobDashboard(server, executor, secured);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.forEach(HttpExchangeHandler::close);
        executor.shutdownNow();
    }

    /**
     * Basic authentication that counts wrong passwords per client address: after
     * {@value #FREE_FAILURES} in a row, the client waits five seconds before it may try again, then
     * ten, twenty, up to five minutes; a right password clears the count.
     */
    static final class ThrottledBasicAuthenticator extends BasicAuthenticator {
        static final int FREE_FAILURES = 5;
        private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
        private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
        private static final int MAX_CLIENTS = 10_000;

        private record Failures(int count, long blockedUntilNanos) {}

        private final byte[] user;
        private final byte[] password;
        private final Map<String, Failures> byClient = new ConcurrentHashMap<>();

        ThrottledBasicAuthenticator(String user, String password) {
            super("jobs");
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Result authenticate(HttpExchange exchange) {
            String client = exchange.getRemoteAddress().getAddress().getHostAddress();
            Failures failures = byClient.get(client);
            long now = System.nanoTime();
            if (failures != null && failures.blockedUntilNanos() - now > 0) {
                long seconds = Math.max(
                        1, Duration.ofNanos(failures.blockedUntilNanos() - now).toSeconds());
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                return new Failure(429);
            }
            Result result = super.authenticate(exchange);
            if (result instanceof Success) {
                byClient.remove(client);
            } else if (exchange.getRequestHeaders().containsKey("Authorization")) {
                failed(client, now);
            }
            return result;
        }

        private void failed(String client, long now) {
            if (byClient.size() >= MAX_CLIENTS) {
                byClient.clear();
            }
            byClient.compute(client, (key, previous) -> {
                int count = previous == null ? 1 : previous.count() + 1;
                if (count < FREE_FAILURES) {
                    return new Failures(count, now);
                }
                int doublings = Math.min(count - FREE_FAILURES, 20);
                long wait = Math.min(FIRST_WAIT.toNanos() << doublings, LONGEST_WAIT.toNanos());
                return new Failures(count, now + wait);
            });
        }

        @Override
        public boolean checkCredentials(String givenUser, String givenPassword) {
            boolean userMatches = MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8));
            boolean passwordMatches = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
            return userMatches && passwordMatches;
        }
    }
}
