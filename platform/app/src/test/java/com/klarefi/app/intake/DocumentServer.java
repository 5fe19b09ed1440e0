package com.klarefi.app.intake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server that hands out documents for the pipeline to fetch. */
final class DocumentServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    DocumentServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            byte[] body = documents.get(name);
            if (name.startsWith("slow-")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (name.equals("huge.bin")) {
                streamZeros(exchange, 30L * 1024 * 1024);
                return;
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", types.getOrDefault(name, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String put(String name, byte[] content, String contentType) {
        documents.put(name, content);
        types.put(name, contentType);
        return url(name);
    }

    String putFile(String name, Path file) throws IOException {
        return put(name, Files.readAllBytes(file), "application/octet-stream");
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** A 30 MB body without Content-Length, so the limit must bite while streaming. */
    private static void streamZeros(com.sun.net.httpserver.HttpExchange exchange, long total) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        chunk[0] = '%';
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException clientGaveUp) {
            // the fetcher stops reading at its limit, as it should
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
