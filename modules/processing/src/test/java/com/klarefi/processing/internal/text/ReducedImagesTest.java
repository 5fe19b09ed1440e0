package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.processing.internal.text.LineReader.Glyph;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A large scan is decoded smaller for the line recogniser, and what it reads is placed on the page. */
class ReducedImagesTest {
    private static final DocumentLimits LIMITS = DocumentLimits.of(
            new TextLayerSettings("tesseract", "nld+eng", java.time.Duration.ofSeconds(10), 300, 1000, 50_000_000));

    @Test
    void decodesALargeScanAtMostTheGivenPixelsLarge() throws IOException {
        byte[] png = png(3000, 7000);

        BufferedImage reduced = Images.reduced(png, 0, LIMITS, 4_000_000);

        assertThat((long) reduced.getWidth() * reduced.getHeight()).isLessThanOrEqualTo(4_000_000);
        assertThat(reduced.getWidth()).isEqualTo(1000);
        assertThat(reduced.getHeight()).isEqualTo(2334);
    }

    @Test
    void decodesASmallScanWhole() throws IOException {
        BufferedImage whole = Images.reduced(png(600, 1400), 0, LIMITS, 4_000_000);

        assertThat(whole.getWidth()).isEqualTo(600);
        assertThat(whole.getHeight()).isEqualTo(1400);
    }

    @Test
    void placesWhatWasReadOnAReducedImageOnThePage() {
        List<Glyph> read = List.of(new Glyph("A", 100, 0.9f), new Glyph("B", 110.5, 0.8f));

        assertThat(TesseractOcr.unscaled(read, 1 / 3.0))
                .containsExactly(new Glyph("A", 300, 0.9f), new Glyph("B", 331.5, 0.8f));
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }
}
