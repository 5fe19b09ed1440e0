package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OcrEdgesTest {
    private static final String GLYPHS = "|¦_~;:'\"‘’‚„“”`®©»«•*=—–\\\\";

    /** What {@link OcrEdges#clean} does, as the regular expressions it was first written as. */
    private static String byExpressions(String line) {
        String inner = Pattern.compile("(?<=\\s)[|¦]+(?=\\s)").matcher(line).replaceAll(" ");
        String leading =
                Pattern.compile("^[\\s" + GLYPHS + ".,-]+").matcher(inner).replaceFirst("");
        return Pattern.compile("[\\s" + GLYPHS + "]+$")
                .matcher(leading)
                .replaceFirst("")
                .replaceAll("\\s+", " ");
    }

    @Test
    void dropsTheEdgeGlyphsOfAScannedLineAndBarsStandingAlone() {
        assertThat(OcrEdges.clean("| 4-20, Jalan | Ria  ®")).isEqualTo("4-20, Jalan Ria");
        assertThat(OcrEdges.clean("_ No.2,\tJalan")).isEqualTo("No.2, Jalan");
        assertThat(OcrEdges.clean("Selangor :")).isEqualTo("Selangor");
        assertThat(OcrEdges.clean("#02-03 (B).")).isEqualTo("#02-03 (B).");
        assertThat(OcrEdges.clean("a||b | c")).isEqualTo("a||b c");
    }

    @Test
    void cleansAsTheRegularExpressionsDoInRandomLines() {
        Random random = new Random(19);
        String alphabet = GLYPHS + " \t\n\r\u000B\f\u0085\u2028\u2029\u00A0.,-#()aB7|¦";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(OcrEdges.clean(line.toString())).as(line.toString()).isEqualTo(byExpressions(line.toString()));
        }
    }
}
