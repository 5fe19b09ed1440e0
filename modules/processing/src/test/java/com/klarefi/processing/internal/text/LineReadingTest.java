package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.extraction.api.Word;
import com.klarefi.processing.internal.text.TextLayerSettings.LineReading;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which scans the line recogniser reads again, by the setting, the image's shape and Tesseract's confidence. */
class LineReadingTest {
    private static final Dimension RECEIPT = new Dimension(600, 1400);
    private static final Dimension PAGE = new Dimension(1240, 1754);
    private static final TsvLayout.OcrPage SURE = page(0.95f, 0.9f, 0.88f);
    private static final TsvLayout.OcrPage UNSURE = page(0.95f, 0.7f, 0.6f);

    @Test
    void readsStripsAndThePagesTesseractIsUnsureOfByDefault() {
        assertThat(TesseractOcr.rereads(LineReading.UNSURE, RECEIPT, SURE)).isTrue();
        assertThat(TesseractOcr.rereads(LineReading.UNSURE, PAGE, UNSURE)).isTrue();
        assertThat(TesseractOcr.rereads(LineReading.UNSURE, PAGE, SURE)).isFalse();
        assertThat(TesseractOcr.rereads(LineReading.UNSURE, PAGE, page())).isFalse();
    }

    @Test
    void readsWhatTheOtherSettingsName() {
        assertThat(TesseractOcr.rereads(LineReading.STRIPS, RECEIPT, SURE)).isTrue();
        assertThat(TesseractOcr.rereads(LineReading.STRIPS, PAGE, UNSURE)).isFalse();
        assertThat(TesseractOcr.rereads(LineReading.ALL, PAGE, SURE)).isTrue();
        assertThat(TesseractOcr.rereads(LineReading.OFF, RECEIPT, UNSURE)).isFalse();
    }

    @Test
    void parsesTheSettingAndNamesTheChoicesWhenItCannot() {
        assertThat(LineReading.parse(" Unsure ")).isEqualTo(LineReading.UNSURE);
        assertThatThrownBy(() -> LineReading.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KLAREFI_OCR_LINE_READER must be one of [strips, unsure, all, off]");
    }

    private static TsvLayout.OcrPage page(float... confidences) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < confidences.length; i++) {
            words.add(new Word(i * 2, i * 2 + 1, 0, 0, 10, 10, confidences[i]));
        }
        return new TsvLayout.OcrPage("a b c".substring(0, Math.max(0, confidences.length * 2 - 1)), words, 100, 100);
    }
}
