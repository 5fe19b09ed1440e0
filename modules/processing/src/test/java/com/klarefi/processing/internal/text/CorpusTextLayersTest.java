package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.assertWordsTileTheText;
import static com.klarefi.processing.internal.text.PageAssertions.squeezed;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.platform.config.Settings;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Real documents from the shared corpus, checked against the strings its expected.json says are printed. */
class CorpusTextLayersTest {
    private final DocumentReader reader = DocumentReader.create(TextLayerSettings.from(Settings.of(Map.of())));

    @Test
    void detectsEveryCorpusFileFromItsContentAndCountsItsPages() {
        SoftAssertions softly = new SoftAssertions();
        for (Corpus.Document document : Corpus.documents()) {
            byte[] content = Corpus.bytes(document);
            MediaType type = reader.detect(content);
            softly.assertThat(type).as(document.name()).isEqualTo(byExtension(document));
            softly.assertThat(reader.pageCount(content, type))
                    .as(document.name())
                    .isEqualTo(document.pages());
        }
        softly.assertAll();
    }

    @Test
    void readsEveryBornDigitalPdfFromItsTextLayerWithThePrintedValues() {
        SoftAssertions softly = new SoftAssertions();
        for (Corpus.Document document : Corpus.documents()) {
            if (document.rendition().equals("born_digital")) {
                List<PageLayer> pages = reader.textLayers(Corpus.bytes(document), MediaType.PDF);
                softly.assertThat(pages)
                        .as(document.name())
                        .hasSize(document.pages())
                        .extracting(PageLayer::method)
                        .containsOnly(TextMethod.BORN_DIGITAL_TEXT);
                assertWordsTileTheText(pages);
                assertPrintedValuesPresent(softly, document, pages);
            }
        }
        softly.assertAll();
    }

    @Test
    void findsNoUsableTextLayerInScannedPdfs() throws IOException {
        for (Corpus.Document document : Corpus.documents()) {
            if (document.rendition().equals("scan_pdf")) {
                try (PDDocument pdf = PdfDocuments.open(Corpus.bytes(document))) {
                    assertThat(new PositionedStripper(DocumentLimits.of(TextLayerSettings.from(Settings.of(Map.of()))))
                                    .pages(pdf))
                            .as(document.name())
                            .noneMatch(page -> PdfLayers.usable(page.text()));
                }
            }
        }
    }

    @Test
    void readsEveryTextFileAndEmailAsOnePageWithThePrintedValues() {
        SoftAssertions softly = new SoftAssertions();
        for (Corpus.Document document : Corpus.documents()) {
            if (document.rendition().equals("text")) {
                byte[] content = Corpus.bytes(document);
                List<PageLayer> pages = reader.textLayers(content, reader.detect(content));
                softly.assertThat(pages)
                        .as(document.name())
                        .singleElement()
                        .extracting(PageLayer::method)
                        .isEqualTo(TextMethod.TEXT);
                assertWordsTileTheText(pages);
                assertPrintedValuesPresent(softly, document, pages);
            }
        }
        softly.assertAll();
    }

    @Test
    void showsAnEmailsSenderAndSubjectAboveItsBody() {
        Corpus.Document email = Corpus.document("dev-0001", "email_customer.eml");

        String text = reader.textLayers(Corpus.bytes(email), MediaType.EMAIL)
                .getFirst()
                .text();

        assertThat(text)
                .startsWith("From: ")
                .contains("\nSubject: ")
                .contains("\n\nDear Sir or Madam,")
                .doesNotContain("Content-Transfer-Encoding");
    }

    private static void assertPrintedValuesPresent(
            SoftAssertions softly, Corpus.Document document, List<PageLayer> pages) {
        String all =
                squeezed(String.join("\n", pages.stream().map(PageLayer::text).toList()));
        document.rawValues()
                .forEach((feature, raw) -> softly.assertThat(all)
                        .as(document.name() + " " + feature)
                        .contains(squeezed(raw)));
    }

    private static MediaType byExtension(Corpus.Document document) {
        String name = document.file().getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "pdf" -> MediaType.PDF;
            case "png" -> MediaType.PNG;
            case "jpg", "jpeg" -> MediaType.JPEG;
            case "tif", "tiff" -> MediaType.TIFF;
            case "eml" -> MediaType.EMAIL;
            case "txt" -> MediaType.PLAIN_TEXT;
            default -> MediaType.UNKNOWN;
        };
    }
}
