package com.klarefi.processing.internal.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared evaluation corpus (read-only), found through {@code -Dklarefi.corpus=<dir>}, the
 * environment variable {@code KLAREFI_CORPUS}, or as {@code shared/corpus} beside one of the
 * working directory's ancestors (true for a worktree and a clone under the same parent). Tests that
 * need it are skipped, with this explanation, when it is absent.
 */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of a case as expected.json describes it. */
    record Document(Path file, String rendition, int pages, Map<String, String> rawValues) {
        String name() {
            return file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    private Corpus() {}

    static Path directory() {
        Optional<Path> found = configured().or(Corpus::besideAnAncestor);
        Assumptions.assumeTrue(
                found.isPresent(),
                "corpus not found: set -Dklarefi.corpus=<dir> or KLAREFI_CORPUS,"
                        + " or place it at shared/corpus beside an ancestor of "
                        + Path.of("").toAbsolutePath());
        return found.get();
    }

    static Document document(String caseId, String fileName) {
        return documents().stream()
                .filter(document -> document.name().equals(caseId + "/" + fileName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(caseId + "/" + fileName + " is not in the corpus"));
    }

    static List<Document> documents() {
        Path root = directory();
        List<Document> documents = new ArrayList<>();
        try (var cases = Files.list(root)) {
            for (Path expected : cases.map(dir -> dir.resolve("expected.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList()) {
                for (JsonNode node : JSON.readTree(expected.toFile()).path("documents")) {
                    Map<String, String> raw = new LinkedHashMap<>();
                    node.path("values")
                            .properties()
                            .forEach(value -> raw.put(
                                    value.getKey(), value.getValue().path("raw").asText()));
                    documents.add(new Document(
                            expected.resolveSibling(node.path("file").asText()),
                            node.path("rendition").asText(),
                            node.path("pages").asInt(),
                            raw));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static byte[] bytes(Document document) {
        try {
            return Files.readAllBytes(document.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> configured() {
        return Optional.ofNullable(System.getProperty("klarefi.corpus"))
                .or(() -> Optional.ofNullable(System.getenv("KLAREFI_CORPUS")))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .filter(Files::isDirectory);
    }

    private static Optional<Path> besideAnAncestor() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
