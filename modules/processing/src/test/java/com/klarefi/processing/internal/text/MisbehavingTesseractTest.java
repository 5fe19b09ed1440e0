package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
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

/** A fake recogniser script stands in for a Tesseract that hangs or crashes. */
class MisbehavingTesseractTest {
    private static final String LIST_LANGUAGES = """
            #!/bin/sh
            if [ "$1" = "--list-langs" ]; then printf 'List of available languages (2):\\neng\\nnld\\n'; exit 0; fi
            """;

    @TempDir
    Path directory;

    @Test
    void killsAHangingRecogniserAfterThePageTimeoutAndCallsItTransient() throws IOException {
        DocumentReader reader = readerWith(LIST_LANGUAGES + "exec sleep 30\n", Duration.ofSeconds(1));

        assertThatThrownBy(() -> reader.textLayers(png(), MediaType.PNG))
                .isInstanceOfSatisfying(DocumentFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(Code.OCR_FAILED);
                    assertThat(failure.isTransient()).isTrue();
                    assertThat(failure.getMessage()).contains("1 s");
                });
    }

    @Test
    void reportsACrashingRecogniserAsAPermanentFailure() throws IOException {
        DocumentReader reader = readerWith(LIST_LANGUAGES + "exit 139\n", Duration.ofSeconds(10));

        assertThatThrownBy(() -> reader.textLayers(png(), MediaType.PNG))
                .isInstanceOfSatisfying(DocumentFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(Code.OCR_FAILED);
                    assertThat(failure.isTransient()).isFalse();
                    assertThat(failure.getMessage()).contains("139");
                });
    }

    @Test
    void leavesNoTemporaryImageBehind() throws IOException {
        Path seen = directory.resolve("image-path.txt");
        DocumentReader reader =
                readerWith(LIST_LANGUAGES + "printf '%s' \"$1\" > '" + seen + "'\nexit 1\n", Duration.ofSeconds(10));

        assertThatThrownBy(() -> reader.textLayers(png(), MediaType.PNG)).isInstanceOf(DocumentFailure.class);

        Path image = Path.of(Files.readString(seen));
        assertThat(image.getFileName().toString()).endsWith(".png");
        assertThat(image).doesNotExist();
        assertThat(image.getParent()).doesNotExist();
    }

    private DocumentReader readerWith(String script, Duration timeout) throws IOException {
        Path fake = directory.resolve("fake-tesseract");
        Files.writeString(fake, script);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return DocumentReader.create(new TextLayerSettings(fake.toString(), "nld+eng", timeout, 300, 1000, 50_000_000));
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }
}
