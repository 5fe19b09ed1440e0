package com.klarefi.app.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server that hands out text documents under /documents/ and takes webhooks at /hooks. */
final class Loopback implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final List<String> webhooks = new CopyOnWriteArrayList<>();

    Loopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/documents/", exchange -> {
            byte[] body = documents.get(exchange.getRequestURI().getPath().substring("/documents/".length()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/hooks", exchange -> {
            webhooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/failing-hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    String document(String name, String text) {
        return document(name, text.getBytes(StandardCharsets.UTF_8));
    }

    String document(String name, byte[] content) {
        documents.put(name, content);
        return base() + "/documents/" + name;
    }

    /** The address of a document that is not there: fetching it answers 404. */
    String absentDocument(String name) {
        return base() + "/documents/absent-" + name;
    }

    String hooks() {
        return base() + "/hooks";
    }

    /** A receiver that answers every delivery with 500. */
    String failingHooks() {
        return base() + "/failing-hooks";
    }

    List<String> webhooks() {
        return webhooks;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
