package com.klarefi.processing.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private temporary directory for the images handed to Tesseract, removed when closed. */
final class Scratch implements AutoCloseable {
    private final Path directory;

    private Scratch(Path directory) {
        this.directory = directory;
    }

    static Scratch create() {
        try {
            return new Scratch(Files.createTempDirectory("klarefi-ocr"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for OCR", e);
        }
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    Path write(String name, byte[] content) {
        try {
            return Files.write(file(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary image for OCR", e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary OCR directory", e);
        }
    }
}
