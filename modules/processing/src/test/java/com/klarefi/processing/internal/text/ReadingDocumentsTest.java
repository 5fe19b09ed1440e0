package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.assertWordsTileTheText;
import static com.klarefi.processing.internal.text.PageAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading documents made in the test; none of these needs Tesseract. */
class ReadingDocumentsTest {
    private final TextLayerSettings settings = TextLayerSettings.from(Settings.of(Map.of()));
    private final DocumentReader reader = DocumentReader.create(settings);

    @Test
    void readsABornDigitalPdfWithWordsLocatedInPointsFromTheTopLeft() {
        byte[] pdf = Pdfs.withPages(
                new String[] {"Schadeformulier polis AUT-2022-8977589", "Plaats Arnhem"},
                new String[] {"Tweede pagina met tekst"});

        List<PageLayer> pages = reader.textLayers(pdf, reader.detect(pdf));

        assertThat(pages).extracting(PageLayer::method).containsOnly(TextMethod.BORN_DIGITAL_TEXT);
        assertThat(pages).extracting(PageLayer::index).containsExactly(0, 1);
        assertThat(pages.getFirst().text()).isEqualTo("Schadeformulier polis AUT-2022-8977589\nPlaats Arnhem");
        assertThat(pages.getFirst().width()).isEqualTo(PDRectangle.A4.getWidth());
        assertThat(pages.getFirst().height()).isEqualTo(PDRectangle.A4.getHeight());
        assertWordsTileTheText(pages);
        Word city = word(pages.getFirst(), "Arnhem").orElseThrow();
        float baselineFromTop = PDRectangle.A4.getHeight() - (Pdfs.FIRST_BASELINE_FROM_BOTTOM - 20);
        // From the top of the capitals to the bottom of the descenders (WordBoxesTest).
        assertThat(city.y1()).isBetween(baselineFromTop, baselineFromTop + Pdfs.FONT_SIZE / 3);
        assertThat(city.y0()).isBetween(baselineFromTop - Pdfs.FONT_SIZE, baselineFromTop - 1);
        assertThat(city.x0()).isGreaterThan(Pdfs.LEFT + 20).isLessThan(Pdfs.LEFT + 60);
        assertThat(city.confidence()).isEqualTo(1f);
        assertThat(reader.pageCount(pdf, MediaType.PDF)).isEqualTo(2);
    }

    @Test
    void readsAPdfThatIsProtectedOnlyAgainstCopying() {
        byte[] pdf = Pdfs.protectedBy("", false, "Polis REI-2020-840617 reisverzekering");

        List<PageLayer> pages = reader.textLayers(pdf, MediaType.PDF);

        assertThat(pages.getFirst().text()).contains("REI-2020-840617");
    }

    @Test
    void refusesAPasswordProtectedPdf() {
        byte[] pdf = Pdfs.protectedBy("user-secret", true, "Vertrouwelijk");

        assertFailure(() -> reader.textLayers(pdf, reader.detect(pdf)), Code.DOCUMENT_ENCRYPTED);
        assertFailure(() -> reader.pageCount(pdf, MediaType.PDF), Code.DOCUMENT_ENCRYPTED);
    }

    @Test
    void refusesACorruptPdf() {
        byte[] whole = Pdfs.withPages(new String[] {"Een regel tekst die afgebroken wordt"});
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(whole, 40);

        assertThat(reader.detect(corrupt)).isEqualTo(MediaType.PDF);
        assertFailure(() -> reader.textLayers(corrupt, MediaType.PDF), Code.DOCUMENT_UNREADABLE);
        assertFailure(() -> reader.textLayers(truncated, MediaType.PDF), Code.DOCUMENT_UNREADABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 75, 85, 95})
    void refusesAPdfCutOffBeforeItsEndInsteadOfReadingThePagesThatSurvived(int percentKept) {
        byte[] whole =
                Pdfs.withPages(new String[] {"Een regel tekst een", "Twee regel tekst twee", "Drie regels tekst drie"});
        byte[] truncated = Arrays.copyOf(whole, whole.length * percentKept / 100);

        assertFailure(() -> reader.textLayers(truncated, MediaType.PDF), Code.DOCUMENT_UNREADABLE);
        assertFailure(() -> reader.pageCount(truncated, MediaType.PDF), Code.DOCUMENT_UNREADABLE);
    }

    @Test
    void refusesHtmlArchivesAndEmptyContent() {
        byte[] html = "<!doctype html><html><body>Upload</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

        assertFailure(() -> reader.textLayers(html, reader.detect(html)), Code.UNSUPPORTED_MEDIA_TYPE);
        assertFailure(() -> reader.textLayers(zip, reader.detect(zip)), Code.UNSUPPORTED_MEDIA_TYPE);
        assertFailure(() -> reader.pageCount(html, MediaType.HTML), Code.UNSUPPORTED_MEDIA_TYPE);
        assertFailure(() -> reader.textLayers(new byte[0], reader.detect(new byte[0])), Code.DOCUMENT_UNREADABLE);
    }

    @Test
    void refusesACorruptImage() {
        byte[] notReallyPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};

        assertFailure(() -> reader.textLayers(notReallyPng, MediaType.PNG), Code.DOCUMENT_UNREADABLE);
        assertFailure(() -> reader.pageCount(notReallyPng, MediaType.PNG), Code.DOCUMENT_UNREADABLE);
    }

    @Test
    void readsLatin1PlainTextAsOneTextPage() {
        byte[] text = "Geachte heer,\r\nHet bedrag is € 12,50.\r\n".getBytes(Charset.forName("windows-1252"));

        List<PageLayer> pages = reader.textLayers(text, reader.detect(text));

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.method()).isEqualTo(TextMethod.TEXT);
            assertThat(page.text()).isEqualTo("Geachte heer,\nHet bedrag is € 12,50.\n");
        });
        assertWordsTileTheText(pages);
    }

    @Test
    void reportsClearlyWhenTesseractIsMissing() throws IOException {
        DocumentReader withoutOcr = DocumentReader.create(settings.withTesseractCommand("/nonexistent/tesseract"));
        byte[] png = png(new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY));

        assertThat(withoutOcr.ocrUnavailableReason())
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("/nonexistent/tesseract").contains("tesseract-ocr-nld"));
        assertFailure(() -> withoutOcr.textLayers(png, withoutOcr.detect(png)), Code.OCR_UNAVAILABLE);
        assertThat(withoutOcr.pageCount(png, MediaType.PNG)).isEqualTo(1);
    }

    @Test
    void reportsMissingOcrLanguages() {
        DocumentReader withoutKlingon = DocumentReader.create(settings.withOcrLanguages("tlh"));

        assertThat(withoutKlingon.ocrUnavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason).containsAnyOf("tlh", "cannot be run"));
    }

    static void assertFailure(ThrowableAssert.ThrowingCallable call, Code code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.isTransient()).isFalse();
        });
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
