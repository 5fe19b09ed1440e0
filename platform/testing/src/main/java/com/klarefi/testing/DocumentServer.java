package com.klarefi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Documents on the loopback interface for the service to fetch: a test puts a document under a
 * name and submits its URL. Each fetch is counted per name, so a test can tell how often the
 * service downloaded a document. A name nobody put answers 404, unless {@link #answerEveryName}
 * gave a document for every name.
 */
public final class DocumentServer implements AutoCloseable {
    private record Document(byte[] content, String contentType, Duration delay, long endlessBytes) {}

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private volatile Document everyName;

    private DocumentServer(HttpServer server) {
        this.server = server;
    }

    public static DocumentServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DocumentServer documents = new DocumentServer(server);
            server.createContext("/", documents::answer);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves content under name; answers its URL. */
    public String put(String name, byte[] content, String contentType) {
        documents.put(name, new Document(content, contentType, Duration.ZERO, 0));
        return url(name);
    }

    public String putFile(String name, Path file) {
        try {
            return put(name, Files.readAllBytes(file), "application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves content under name only after a delay, so a test can act while the fetch is under way. */
    public String putSlow(String name, byte[] content, String contentType, Duration delay) {
        documents.put(name, new Document(content, contentType, delay, 0));
        return url(name);
    }

    /** Streams that many bytes without a Content-Length, so a size limit must bite while reading. */
    public String putEndless(String name, long bytes) {
        documents.put(name, new Document(new byte[0], "application/octet-stream", Duration.ZERO, bytes));
        return url(name);
    }

    /** Serves content under every name nobody put. */
    public void answerEveryName(byte[] content, String contentType) {
        everyName = new Document(content, contentType, Duration.ZERO, 0);
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    public int fetchesOf(String name) {
        AtomicInteger count = fetches.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        fetches.computeIfAbsent(name, path -> new AtomicInteger()).incrementAndGet();
        Optional<Document> found = Optional.ofNullable(documents.get(name)).or(() -> Optional.ofNullable(everyName));
        if (found.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        Document document = found.get();
        pause(document.delay());
        exchange.getResponseHeaders().add("Content-Type", document.contentType());
        if (document.endlessBytes() > 0) {
            streamZeros(exchange, document.endlessBytes());
            return;
        }
        exchange.sendResponseHeaders(200, document.content().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(document.content());
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void streamZeros(HttpExchange exchange, long total) throws IOException {
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
}
