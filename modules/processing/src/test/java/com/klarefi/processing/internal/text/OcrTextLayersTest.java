package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.assertWordsTileTheText;
import static com.klarefi.processing.internal.text.PageAssertions.squeezed;
import static com.klarefi.processing.internal.text.PageAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.platform.config.Settings;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recognition with the real Tesseract: few pages on purpose, each costs about a second. */
class OcrTextLayersTest {
    /** Recognition misreads some characters; most printed values must still come through. */
    private static final double MIN_FOUND_SHARE = 0.6;

    private final DocumentReader reader = DocumentReader.create(TextLayerSettings.from(Settings.of(Map.of())));

    @BeforeEach
    void requireTesseract() {
        Assumptions.assumeTrue(
                reader.ocrUnavailableReason().isEmpty(),
                () -> "OCR tests skipped: " + reader.ocrUnavailableReason().orElseThrow());
    }

    @Test
    void recognisesAScannedJpeg() {
        List<PageLayer> pages = readCorpus("dev-0001", "invoice.jpg", MediaType.JPEG);

        assertThat(word(pages.getFirst(), "2024/2728")).isPresent();
    }

    @Test
    void recognisesAScannedPngInPixels() {
        List<PageLayer> pages = readCorpus("dev-0011", "formulier_ingevuld.png", MediaType.PNG);

        PageLayer page = pages.getFirst();
        assertThat(page.width()).isEqualTo(1696);
        assertThat(page.height()).isEqualTo(2369);
        assertThat(page.text()).contains("Schadeformulier");
        assertThat(page.words()).allSatisfy(w -> assertThat(w.x1()).isLessThanOrEqualTo(page.width()));
    }

    @Test
    void recognisesAnImageOnlyPdfPageInPoints() {
        List<PageLayer> pages = readCorpus("dev-0002", "receipt.pdf", MediaType.PDF);

        PageLayer page = pages.getFirst();
        assertThat(page.words()).allSatisfy(w -> assertThat(w.x1()).isLessThanOrEqualTo(page.width() + 1));
        assertThat(page.text()).contains("273,46");
    }

    @Test
    void recognisesEveryPageOfATiff() throws IOException {
        byte[] tiff = tiff(page("Schadeformulier Arnhem"), page("Factuur Utrecht"));

        List<PageLayer> pages = reader.textLayers(tiff, reader.detect(tiff));

        assertThat(pages).extracting(PageLayer::method).containsExactly(TextMethod.OCR, TextMethod.OCR);
        assertThat(pages.get(0).text()).isEqualTo("Schadeformulier Arnhem");
        assertThat(pages.get(1).text()).isEqualTo("Factuur Utrecht");
        Word city = word(pages.get(1), "Utrecht").orElseThrow();
        assertThat(city.x0()).isGreaterThan(200).isLessThan(600);
        assertThat(city.confidence()).isGreaterThan(0.5f);
        assertThat(reader.pageCount(tiff, MediaType.TIFF)).isEqualTo(2);
    }

    private List<PageLayer> readCorpus(String caseId, String fileName, MediaType expectedType) {
        Corpus.Document document = Corpus.document(caseId, fileName);
        byte[] content = Corpus.bytes(document);
        assertThat(reader.detect(content)).isEqualTo(expectedType);

        List<PageLayer> pages = reader.textLayers(content, expectedType);

        assertThat(pages)
                .hasSize(document.pages())
                .extracting(PageLayer::method)
                .containsOnly(TextMethod.OCR);
        assertWordsTileTheText(pages);
        String all = squeezed(
                        String.join("", pages.stream().map(PageLayer::text).toList()))
                .toLowerCase(Locale.ROOT);
        long found = document.rawValues().values().stream()
                .filter(raw -> all.contains(squeezed(raw).toLowerCase(Locale.ROOT)))
                .count();
        assertThat((double) found / document.rawValues().size())
                .as(
                        "share of %s printed values recognised",
                        document.rawValues().keySet())
                .isGreaterThanOrEqualTo(MIN_FOUND_SHARE);
        return pages;
    }

    private static BufferedImage page(String line) {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 60));
        graphics.drawString(line, 60, 150);
        graphics.dispose();
        return image;
    }

    private static byte[] tiff(BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
