package com.klarefi.app;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A document server on the loopback interface: every path under {@code /documents/} answers a
 * one-page born-digital PDF, and each fetch is counted per path, so a test can tell how often the
 * service downloaded a document.
 */
final class DocumentServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] pdf = onePagePdf();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    private DocumentServer(HttpServer server) {
        this.server = server;
    }

    static DocumentServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DocumentServer documents = new DocumentServer(server);
            server.createContext("/documents/", exchange -> {
                documents.fetches.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                exchange.sendResponseHeaders(200, documents.pdf.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(documents.pdf);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a document named {@code name}. */
    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/documents/" + name + ".pdf";
    }

    int fetchesOf(String name) {
        AtomicInteger count = fetches.get("/documents/" + name + ".pdf");
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] onePagePdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Claim form: vehicle damage reported on 3 March 2026");
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
