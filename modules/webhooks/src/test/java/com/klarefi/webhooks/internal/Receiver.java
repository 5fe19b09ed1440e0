package com.klarefi.webhooks.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A webhook receiver on loopback that records every request and answers as a test tells it to. */
public final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile Runnable onRequest = () -> {};

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** One request as received: headers with lower-case names, the body, when it arrived. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.getOrDefault(name, List.of("")).getFirst();
        }

        public String webhookId() {
            return header("webhook-id");
        }
    }

    public record Answer(int status, Map<String, String> headers) {}

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers in order; after them, 200. */
    public void answer(int status, Map<String, String> headers) {
        answers.add(new Answer(status, headers));
    }

    public void answer(int status) {
        answer(status, Map.of());
    }

    /** Runs before the answer is sent (a test can stop an instance while a delivery is in flight). */
    public void onRequest(Runnable action) {
        onRequest = action;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        received.add(new Received(
                exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8), Instant.now()));
        onRequest.run();
        Answer answer = answers.poll();
        int status = answer == null ? 200 : answer.status();
        if (answer != null) {
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        byte[] reply = ("{\"received\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
