package com.klarefi.processing.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.TextLayerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Page layers exactly as the service reads them (the product's {@link DocumentReader}: PDFBox,
 * Tesseract for scans and scanned PDFs, text and e-mail), cached by content hash because OCR takes
 * seconds per page. Delete the cache directory after changing the text layers.
 */
final class ProductLayers {
    private static final TypeReference<List<PageLayer>> PAGES = new TypeReference<>() {};

    private final DocumentReader reader = DocumentReader.create(
            new TextLayerSettings("tesseract", "nld+eng", Duration.ofSeconds(120), 300, 1000, 50_000_000));
    private final ObjectMapper json = new ObjectMapper();
    private final Path cacheDir;

    ProductLayers(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    List<PageLayer> read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path cached = cacheDir.resolve(hash(content) + ".json");
        if (Files.exists(cached)) {
            return json.readValue(cached.toFile(), PAGES);
        }
        List<PageLayer> pages = reader.textLayers(content, reader.detect(content));
        Files.createDirectories(cacheDir);
        json.writeValue(cached.toFile(), pages);
        return pages;
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
