package com.klarefi.processing.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case of the evaluation corpus: its documents and the values expected per case and per document. */
record CorpusCase(
        String caseId,
        String caseTypeId,
        Path dir,
        List<CorpusDocument> documents,
        Map<String, String> expected,
        Map<String, String> expectedSource) {

    record CorpusDocument(String file, String rendition, int pages, Map<String, String> values) {
        /** born_digital, scan or text: scanned images and scanned PDFs read alike. */
        String renditionGroup() {
            return rendition.startsWith("scan") ? "scan" : rendition;
        }
    }

    static CorpusCase read(Path dir) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(dir.resolve("expected.json")));
        List<CorpusDocument> documents = new ArrayList<>();
        for (JsonNode document : root.get("documents")) {
            Map<String, String> values = new LinkedHashMap<>();
            document.get("values")
                    .properties()
                    .forEach(e ->
                            values.put(e.getKey(), e.getValue().get("value").asText()));
            documents.add(new CorpusDocument(
                    document.get("file").asText(),
                    document.get("rendition").asText(),
                    document.path("pages").asInt(1),
                    values));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        root.get("expected")
                .properties()
                .forEach(e -> expected.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        Map<String, String> sources = new LinkedHashMap<>();
        root.path("expected_source")
                .properties()
                .forEach(e -> sources.put(e.getKey(), e.getValue().path("file").asText(null)));
        return new CorpusCase(
                root.get("case_id").asText(), root.get("case_type_id").asText(), dir, documents, expected, sources);
    }
}
