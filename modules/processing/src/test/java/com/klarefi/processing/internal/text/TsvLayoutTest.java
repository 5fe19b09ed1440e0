package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.assertWordsTileTheText;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TsvLayoutTest {
    private static final String TSV = String.join(
            "\n",
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t1700\t2400\t-1\t",
            "2\t1\t1\t0\t0\t0\t100\t100\t500\t80\t-1\t",
            "5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t96.5\tFactuur",
            "5\t1\t1\t1\t1\t2\t320\t100\t150\t40\t91\t2024/2728",
            "5\t1\t1\t1\t2\t1\t100\t150\t120\t40\t88\tTotaal",
            "5\t1\t1\t1\t2\t2\t240\t150\t10\t40\t12\t ",
            "5\t1\t1\t2\t1\t1\t100\t300\t90\t40\t70\tNieuwe",
            "5\t1\t2\t1\t1\t1\t100\t900\t90\t40\t-1\tBlok",
            "");

    @Test
    void joinsWordsLinesAndParagraphsAndKeepsBoxesAndConfidence() {
        TsvLayout.OcrPage page = TsvLayout.parse(TSV);

        assertThat(page.text()).isEqualTo("Factuur 2024/2728\nTotaal\n\nNieuwe\n\nBlok");
        assertThat(page.width()).isEqualTo(1700);
        assertThat(page.height()).isEqualTo(2400);
        assertThat(page.words()).hasSize(5);
        assertThat(page.words().get(1)).isEqualTo(new Word(8, 17, 320, 100, 470, 140, 0.91f));
        assertThat(page.words().get(4).confidence()).isZero();
        assertWordsTileTheText(OcrLayers.layer(0, page, 1f));
    }

    @Test
    void laysOutTheWordsASecondReaderGivesForEachLine() {
        List<List<String>> lines = new ArrayList<>();
        TsvLayout.OcrPage page = TsvLayout.parse(TSV, words -> {
            lines.add(words.stream().map(TsvLayout.Box::text).toList());
            TsvLayout.Box first = words.getFirst();
            // The first line read as three words, the others as one word in capitals.
            return words.size() == 2
                    ? List.of(
                            new TsvLayout.Box("Factuur", 100, 100, 300, 140, 0.9f),
                            new TsvLayout.Box("2024", 320, 100, 400, 140, 0.9f),
                            new TsvLayout.Box("2728", 410, 100, 470, 140, 0.9f))
                    : List.of(new TsvLayout.Box(
                            first.text().toUpperCase(Locale.ROOT),
                            first.x0(),
                            first.y0(),
                            first.x1(),
                            first.y1(),
                            0.8f));
        });

        assertThat(lines)
                .containsExactly(
                        List.of("Factuur", "2024/2728"), List.of("Totaal"), List.of("Nieuwe"), List.of("Blok"));
        assertThat(page.text()).isEqualTo("Factuur 2024 2728\nTOTAAL\n\nNIEUWE\n\nBLOK");
        assertThat(page.words().get(2)).isEqualTo(new Word(13, 17, 410, 100, 470, 140, 0.9f));
        assertWordsTileTheText(OcrLayers.layer(0, page, 1f));
    }

    @Test
    void scalesPixelsToThePagesUnits() {
        Word word = OcrLayers.layer(0, TsvLayout.parse(TSV), 72f / 300f).words().getFirst();

        assertThat(word.x0()).isEqualTo(24f);
        assertThat(word.x1()).isEqualTo(72f);
    }

    @Test
    void makesAnEmptyPageOfABlankScan() {
        TsvLayout.OcrPage page = TsvLayout.parse(
                TSV.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());

        assertThat(page.text()).isEmpty();
        assertThat(page.words()).isEmpty();
    }
}
