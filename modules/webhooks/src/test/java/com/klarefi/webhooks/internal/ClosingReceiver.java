package com.klarefi.webhooks.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver written the old way, as Python's {@code http.server} answers: it reads one request,
 * writes a fixed response without {@code Content-Length} (an HTTP/1.0 status line, or HTTP/1.1 with
 * {@code Connection: close}) and ends the body by closing the connection, which RFC 9112 allows.
 */
final class ClosingReceiver implements AutoCloseable {
    private final ServerSocket socket;
    private final String response;
    private final List<Receiver.Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private ClosingReceiver(String response) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.response = response;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    /** Answers {@code HTTP/1.0 <status>} with a body the close ends. */
    static ClosingReceiver http10(int status) throws IOException {
        return new ClosingReceiver("HTTP/1.0 " + status + " Whatever\r\nServer: BaseHTTP/0.6 Python/3.11\r\n"
                + "Content-Type: text/plain\r\n\r\nreceived, thanks\n");
    }

    /** Answers HTTP/1.1 with {@code Connection: close} and neither length nor chunking. */
    static ClosingReceiver http11ClosingTheBody(int status) throws IOException {
        return new ClosingReceiver("HTTP/1.1 " + status
                + " Whatever\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n" + "received, thanks\n");
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    List<Receiver.Received> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                received.add(read(connection.getInputStream()));
                OutputStream out = connection.getOutputStream();
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static Receiver.Received read(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        List.of(lines[i].substring(colon + 1).strip()));
            }
        }
        int length = Integer.parseInt(
                headers.getOrDefault("content-length", List.of("0")).getFirst());
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Receiver.Received(lines[0].split(" ")[1], headers, body, Instant.now());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int next;
        while (matched < end.length && (next = in.read()) != -1) {
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join();
        } catch (IOException ignored) {
            // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
