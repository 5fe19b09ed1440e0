package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.PageLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerDumpTest {
    private static final TextLayerSettings SETTINGS =
            new TextLayerSettings("tesseract", "nld+eng", Duration.ofSeconds(60), 300, 1000, 50_000_000);
    private static final String LETTER = "Dear Sir,\n\nmy policy number is AUT-2022-1234.\n";
    private static final String NOT_A_DOCUMENT = "PK\u0003\u0004 not a zip archive's documents";

    @TempDir
    Path corpus;

    @TempDir
    Path out;

    @Test
    void aDumpedDocumentReadsBackAsThePagesTheReaderProduced() throws Exception {
        LayerDump.Source letter = aCaseWith("case-1", "letter.txt", LETTER);

        new LayerDump(SETTINGS, out).write(letter);

        byte[] content = LETTER.getBytes(StandardCharsets.UTF_8);
        DocumentReader reader = DocumentReader.create(SETTINGS);
        List<PageLayer> expected = reader.textLayers(content, reader.detect(content));
        assertThat(LayerDump.read(out.resolve("case-1/letter.txt.json"))).isEqualTo(expected);
        JsonNode dump = new ObjectMapper()
                .readTree(out.resolve("case-1/letter.txt.json").toFile());
        assertThat(dump.path("case_id").asText()).isEqualTo("case-1");
        assertThat(dump.path("rendition").asText()).isEqualTo("text");
        assertThat(dump.path("media_type").asText()).isEqualTo("text/plain");
    }

    @Test
    void aDocumentWhoseDumpIsCurrentIsNotReadAgainButAChangedOneIs() throws Exception {
        LayerDump.Source letter = aCaseWith("case-1", "letter.txt", LETTER);
        LayerDump dump = new LayerDump(SETTINGS, out);
        dump.write(letter);

        LayerDump.Outcome again = dump.write(letter);
        Files.writeString(letter.path(), "Dear Madam,\n");
        LayerDump.Outcome changed = dump.write(letter);

        assertThat(again.read()).isFalse();
        assertThat(changed.read()).isTrue();
        assertThat(LayerDump.read(out.resolve("case-1/letter.txt.json"))
                        .getFirst()
                        .text())
                .isEqualTo("Dear Madam,\n");
    }

    @Test
    void anUnreadableDocumentIsDumpedWithItsFailureCodeAndNoPages() throws Exception {
        LayerDump.Source archive = aCaseWith("case-2", "photos.zip", NOT_A_DOCUMENT);

        LayerDump.Outcome outcome = new LayerDump(SETTINGS, out).write(archive);

        assertThat(outcome.failure()).contains("unsupported_media_type");
        assertThat(LayerDump.read(out.resolve("case-2/photos.zip.json"))).isEmpty();
    }

    @Test
    void aDocumentThatFailedIsTriedAgainOnTheNextRun() throws Exception {
        LayerDump.Source archive = aCaseWith("case-2", "photos.zip", NOT_A_DOCUMENT);
        LayerDump dump = new LayerDump(SETTINGS, out);
        dump.write(archive);

        assertThat(dump.write(archive).read()).isTrue();
    }

    @Test
    void listsTheDocumentsOfEveryCaseAsExpectedJsonNamesThem() throws Exception {
        aCaseWith("case-2", "letter.txt", LETTER);
        aCaseWith("case-1", "mail.txt", LETTER);

        assertThat(LayerDump.sources(corpus))
                .extracting(LayerDump.Source::caseId, LayerDump.Source::file)
                .containsExactly(tuple("case-1", "mail.txt"), tuple("case-2", "letter.txt"));
    }

    private LayerDump.Source aCaseWith(String caseId, String file, String content) throws Exception {
        Path dir = Files.createDirectories(corpus.resolve(caseId));
        Files.writeString(dir.resolve(file), content);
        Files.writeString(dir.resolve("expected.json"), """
                {"case_id": "%s", "documents": [{"file": "%s", "rendition": "text"}], "expected": {}}
                """.formatted(caseId, file));
        return LayerDump.sources(corpus).stream()
                .filter(s -> s.caseId().equals(caseId))
                .findFirst()
                .orElseThrow();
    }
}
