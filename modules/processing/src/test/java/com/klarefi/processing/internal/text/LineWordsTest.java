package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.processing.internal.text.LineReader.Glyph;
import com.klarefi.processing.internal.text.TsvLayout.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tesseract's word boxes with the line recogniser's characters, on lines as receipts print them. */
class LineWordsTest {
    @Test
    void takesTheLineRecognisersTextForTesseractsWords() {
        List<Box> words = List.of(box("Tota|", 10, 60), box("RM2O", 80, 130));
        List<Box> merged = LineWords.merge(words, glyphs("Total", 12, 10, "RM20", 82, 12));

        assertThat(merged).extracting(Box::text).containsExactly("Total", "RM20");
        assertThat(merged).extracting(Box::x0).containsExactly(10, 80);
        assertThat(merged).extracting(Box::x1).containsExactly(60, 130);
    }

    @Test
    void keepsTheWordsTesseractSeparatedWhereTheLineRecogniserReadNoSpace() {
        List<Box> words = List.of(box("CO.", 10, 40), box("(M)", 50, 80));
        List<Box> merged = LineWords.merge(words, glyphs("CO.", 12, 10, "(M)", 52, 10));

        assertThat(merged).extracting(Box::text).containsExactly("CO.", "(M)");
    }

    @Test
    void joinsAnAmountTesseractSplitAtItsDecimalPoint() {
        List<Box> words = List.of(box("RM41", 10, 50), box(".45", 54, 80));
        List<Box> merged = LineWords.merge(words, glyphs("RM41", 12, 9, ".45", 55, 9));

        assertThat(merged).singleElement().satisfies(word -> {
            assertThat(word.text()).isEqualTo("RM41.45");
            assertThat(word.x0()).isEqualTo(10);
            assertThat(word.x1()).isEqualTo(80);
        });
        List<Box> afterThePoint =
                LineWords.merge(List.of(box("11.", 10, 40), box("80", 46, 70)), glyphs("11.", 12, 9, "80", 48, 9));
        assertThat(afterThePoint).extracting(Box::text).containsExactly("11.80");
    }

    @Test
    void splitsAWordWhereTheLineRecogniserReadASpace() {
        List<Box> words = List.of(box("SDNBHD", 10, 130));
        List<Glyph> glyphs = new ArrayList<>(glyphs("SDN", 12, 15, "", 0, 0));
        glyphs.add(new Glyph(" ", 65, 0.9f));
        glyphs.addAll(glyphs("BHD", 80, 15, "", 0, 0));
        List<Box> merged = LineWords.merge(words, glyphs);

        assertThat(merged).extracting(Box::text).containsExactly("SDN", "BHD");
        assertThat(merged.get(0).x0()).isEqualTo(10);
        assertThat(merged.get(0).x1()).isEqualTo((42 + 80) / 2);
        assertThat(merged.get(1).x0()).isEqualTo(merged.get(0).x1());
        assertThat(merged.get(1).x1()).isEqualTo(130);
    }

    @Test
    void keepsTesseractsReadingWhereTheLineRecogniserIsUnsureOrReadNothing() {
        List<Box> words = List.of(box("TOTAL", 10, 60));
        List<Glyph> unsure = glyphs("T0TAI", 12, 10, "", 0, 0).stream()
                .map(glyph -> new Glyph(glyph.text(), glyph.x(), 0.3f))
                .toList();

        assertThat(LineWords.merge(words, unsure)).isEqualTo(words);
        assertThat(LineWords.merge(words, List.of())).isEqualTo(words);
        assertThat(LineWords.merge(words, List.of(new Glyph(" ", 20, 0.9f)))).isEqualTo(words);
    }

    @Test
    void leavesOutWhatWasReadInTheGapBetweenWords() {
        List<Box> words = List.of(box("ROUNDED", 10, 80), box("RM33.90", 200, 260));
        List<Glyph> glyphs = new ArrayList<>(glyphs("ROUNDED", 12, 10, "", 0, 0));
        glyphs.add(new Glyph("(", 120, 0.6f));
        glyphs.add(new Glyph("2", 150, 0.6f));
        glyphs.addAll(glyphs("RM33.90", 202, 8, "", 0, 0));

        assertThat(LineWords.merge(words, glyphs)).extracting(Box::text).containsExactly("ROUNDED", "RM33.90");
    }

    @Test
    void keepsTheWordTesseractIsSureOfWhereTheLineRecogniserIsNot() {
        List<Box> words =
                List.of(new Box("Total", 10, 100, 60, 120, 0.96f), box("Payab1e", 70, 140), box("RM6O", 150, 200));
        List<Glyph> glyphs = new ArrayList<>();
        for (Glyph glyph : glyphs("Tota.", 12, 10, "Payable", 72, 10)) {
            glyphs.add(glyph.x() < 65 ? new Glyph(glyph.text(), glyph.x(), 0.8f) : glyph);
        }
        glyphs.addAll(glyphs("RM60", 152, 12, "", 0, 0));

        assertThat(LineWords.merge(words, glyphs)).extracting(Box::text).containsExactly("Total", "Payable", "RM60");
    }

    @Test
    void keepsAWordTheLineRecogniserReadNothingOfOnlyWhereTesseractIsFairlySure() {
        List<Box> words = List.of(
                new Box("Please", 10, 100, 60, 120, 0.9f),
                box("again", 70, 120),
                new Box("~", 130, 100, 140, 120, 0.3f));

        assertThat(LineWords.merge(words, glyphs("again", 72, 9, "", 0, 0)))
                .extracting(Box::text)
                .containsExactly("Please", "again");
    }

    @Test
    void readsADigitAmongLettersAsTheLetter() {
        assertThat(LineWords.letters("Tota1")).isEqualTo("Total");
        assertThat(LineWords.letters("Sa1es")).isEqualTo("Sales");
        assertThat(LineWords.letters("(1ncl.")).isEqualTo("(lncl.");
        assertThat(LineWords.letters("NV0ICE")).isEqualTo("NVOICE");
        assertThat(LineWords.letters("0yster")).isEqualTo("oyster");
    }

    @Test
    void keepsTheDigitsOfCodesAndAmounts() {
        assertThat(LineWords.letters("SS1")).isEqualTo("SS1");
        assertThat(LineWords.letters("1A")).isEqualTo("1A");
        assertThat(LineWords.letters("A07")).isEqualTo("A07");
        assertThat(LineWords.letters("B1")).isEqualTo("B1");
        assertThat(LineWords.letters("RM10")).isEqualTo("RM10");
        assertThat(LineWords.letters("VAT10N")).isEqualTo("VAT10N");
    }

    @Test
    void readsADoubledMinusBeforeANumberOnce() {
        assertThat(LineWords.sign("--0.01")).isEqualTo("-0.01");
        assertThat(LineWords.sign("-0.01")).isEqualTo("-0.01");
        assertThat(LineWords.sign("----")).isEqualTo("----");
        assertThat(LineWords.sign("--A")).isEqualTo("--A");
    }

    @Test
    void writesFullWidthBracketsAsAscii() {
        List<Box> merged = LineWords.merge(List.of(box("(RM)", 10, 50)), glyphs("（RM）", 12, 9, "", 0, 0));

        assertThat(merged).extracting(Box::text).containsExactly("(RM)");
    }

    private static Box box(String text, int x0, int x1) {
        return new Box(text, x0, 100, x1, 120, 0.6f);
    }

    /** Two words' glyphs, each from its first x on, one glyph every {@code pitch} pixels. */
    private static List<Glyph> glyphs(
            String first, int from, int pitch, String second, int secondFrom, int secondPitch) {
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < first.length(); i++) {
            glyphs.add(new Glyph(String.valueOf(first.charAt(i)), from + i * pitch, 0.95f));
        }
        for (int i = 0; i < second.length(); i++) {
            glyphs.add(new Glyph(String.valueOf(second.charAt(i)), secondFrom + i * secondPitch, 0.95f));
        }
        return glyphs;
    }
}
