package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.processing.internal.text.LineReader.Glyph;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The line recogniser's model, run by ONNX Runtime, on lines drawn here. */
class LineReaderTest {
    private static LineReader reader;

    @BeforeAll
    static void load() {
        reader = LineReader.load();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void readsALineOfLettersDigitsAndPunctuation() {
        BufferedImage image = line("TOTAL RM 41.45");

        assertThat(text(reader.read(image, 20, 20, image.getWidth() - 20, 60))).isEqualTo("TOTAL RM 41.45");
    }

    @Test
    void placesEachCharacterWhereItIsDrawnLeftToRight() {
        BufferedImage image = line("AB          CD");
        List<Glyph> read = reader.read(image, 20, 20, image.getWidth() - 20, 60);
        // In the gap the model may make up a character, unsure of it (LineWords leaves those out).
        List<Glyph> glyphs = read.stream()
                .filter(glyph -> !glyph.space() && glyph.probability() >= 0.5f)
                .toList();
        assertThat(read).allSatisfy(glyph -> assertThat(glyph.probability()).isGreaterThanOrEqualTo(0.2f));

        assertThat(glyphs).extracting(Glyph::text).containsExactly("A", "B", "C", "D");
        assertThat(glyphs).extracting(Glyph::x).isSorted();
        double pitch = glyphs.get(1).x() - glyphs.get(0).x();
        assertThat(glyphs.get(0).x()).isBetween(24.0, 24.0 + pitch);
        assertThat(glyphs.get(2).x() - glyphs.get(1).x()).isGreaterThan(4 * pitch);
    }

    @Test
    void readsNothingOnABlankLine() {
        BufferedImage image = line("");

        assertThat(reader.read(image, 20, 20, 300, 60)).isEmpty();
        assertThat(reader.read(image, 20, 20, 22, 21)).isEmpty();
    }

    private static String text(List<Glyph> glyphs) {
        return glyphs.stream().map(Glyph::text).collect(Collectors.joining()).strip();
    }

    /** A white strip with {@code text} in black, 32-pixel sans serif, its line between y 20 and 60. */
    private static BufferedImage line(String text) {
        BufferedImage image = new BufferedImage(Math.max(400, 24 * text.length() + 40), 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
        graphics.drawString(text, 24, 52);
        graphics.dispose();
        return image;
    }
}
