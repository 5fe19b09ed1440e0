package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.processing.api.DocumentFailure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder script stands in for Tesseract and keeps the arguments it was called with. */
class PageSegmentationTest {
    @TempDir
    Path directory;

    @Test
    void readsATillReceiptStripAsOneBlockOfLines() throws IOException {
        assertThat(argumentsForImage(600, 1400)).contains("--psm 6");
    }

    @Test
    void readsAPageOfOrdinaryProportionsWithTheAutomaticLayout() throws IOException {
        assertThat(argumentsForImage(1240, 1754)).contains("--psm 3");
        assertThat(argumentsForImage(1754, 1240)).contains("--psm 3");
    }

    private String argumentsForImage(int width, int height) throws IOException {
        Path seen = directory.resolve("arguments-" + width + "x" + height + ".txt");
        Path fake = directory.resolve("recording-tesseract");
        Files.writeString(fake, """
                #!/bin/sh
                if [ "$1" = "--list-langs" ]; then printf 'List of available languages (2):\\neng\\nnld\\n'; exit 0; fi
                echo "$@" > '%s'
                exit 1
                """.formatted(seen));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        DocumentReader reader = DocumentReader.create(
                new TextLayerSettings(fake.toString(), "nld+eng", Duration.ofSeconds(10), 300, 1000, 50_000_000));

        assertThatThrownBy(() -> reader.textLayers(png(width, height), MediaType.PNG))
                .isInstanceOf(DocumentFailure.class);
        return Files.readString(seen);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }
}
