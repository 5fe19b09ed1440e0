package com.klarefi.extraction.training;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.PageLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A corpus read with its page layers dumped beforehand ({@code scripts/bench/dump-layers.sh}): each
 * case's expected values, and each document's template fold, rendition, stated values and pages.
 * Cases with a document whose layers were not dumped are left out.
 */
public record Corpus(List<Case> cases, int skipped) {
    private static final TypeReference<List<PageLayer>> PAGES = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A case: its type, documents and expected values (a string, null or a list per feature). */
    public record Case(String caseId, String caseTypeId, List<Document> documents, Map<String, JsonNode> expected) {}

    /**
     * A document: its template's fold ("claim_form_A" is fold A), its rendition, the values it
     * states and its pages.
     */
    public record Document(
            String file, String fold, String rendition, Map<String, JsonNode> values, DocumentText text) {
        /** The document as a case of its own: the values it states, null for the case's other features. */
        public Map<String, JsonNode> expectedAlone(Case owner) {
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            owner.expected().keySet().forEach(feature -> expected.put(feature, JSON.nullNode()));
            expected.putAll(values);
            return expected;
        }
    }

    public static Corpus read(Path corpus, Path layers) {
        List<Case> cases = new ArrayList<>();
        int skipped = 0;
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("expected.json")))
                    .sorted()
                    .toList()) {
                JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
                String caseId = expected.get("case_id").asText();
                List<Document> documents = new ArrayList<>();
                for (JsonNode document : expected.get("documents")) {
                    Path layer =
                            layers.resolve(caseId).resolve(document.get("file").asText() + ".json");
                    Optional<Document> read =
                            Files.exists(layer) ? document(caseId, document, layer) : Optional.empty();
                    if (read.isEmpty()) {
                        documents = null;
                        break;
                    }
                    documents.add(read.get());
                }
                if (documents == null) {
                    skipped++;
                    continue;
                }
                Map<String, JsonNode> values = new LinkedHashMap<>();
                expected.get("expected").properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
                cases.add(new Case(caseId, expected.get("case_type_id").asText(), documents, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(cases, skipped);
    }

    /** The document, unless its dump is unfinished (no pages, or not yet whole). */
    private static Optional<Document> document(String caseId, JsonNode document, Path layer) {
        JsonNode dump;
        try {
            dump = JSON.readTree(layer.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (dump == null || !dump.path("pages").isArray()) {
            return Optional.empty();
        }
        String file = document.get("file").asText();
        String template = document.path("template").asText("");
        String fold = template.contains("_") ? template.substring(template.lastIndexOf('_') + 1) : "-";
        Map<String, JsonNode> values = new LinkedHashMap<>();
        document.path("values")
                .properties()
                .forEach(entry -> values.put(entry.getKey(), entry.getValue().get("value")));
        List<PageLayer> pages = JSON.convertValue(dump.get("pages"), PAGES);
        return Optional.of(new Document(
                file,
                fold,
                document.path("rendition").asText(""),
                values,
                new DocumentText(caseId + "/" + file, pages)));
    }
}
