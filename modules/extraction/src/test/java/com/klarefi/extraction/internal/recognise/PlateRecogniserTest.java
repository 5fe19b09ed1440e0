package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateRecogniserTest {
    private final PlateRecogniser plates = new PlateRecogniser();

    private List<String> normalised(String text) {
        return plates.scan(text).stream().map(Match::normalized).toList();
    }

    @ParameterizedTest(name = "side code {0}: {1} -> {2}")
    @CsvSource({
        "1, AB1234, AB-12-34", "2, 1234AB, 12-34-AB", "3, 12AB34, 12-AB-34", "4, AB12CD, AB-12-CD",
        "5, ABCD12, AB-CD-12", "6, 12ABCD, 12-AB-CD", "7, 12ABC3, 12-ABC-3", "8, 1ABC23, 1-ABC-23",
        "9, AB123C, AB-123-C", "10, A123BC, A-123-BC", "11, ABC12D, ABC-12-D", "12, A12BCD, A-12-BCD",
        "13, 1AB234, 1-AB-234", "14, 123AB4, 123-AB-4"
    })
    void givesCompactPlatesTheDashesOfTheirSideCode(int sideCode, String compact, String dashed) {
        assertThat(normalised("kenteken " + compact)).containsExactly(dashed);
    }

    @Test
    void readsDashedPlatesInAnyCase() {
        assertThat(normalised("kenteken gv-123-k en XT-90-PL")).containsExactly("GV-123-K", "XT-90-PL");
    }

    @Test
    void rejectsDashesThatDoNotMatchTheSideCodeAndShapesThatAreNoPlate() {
        assertThat(normalised("GV1-23-K, A1B2C3, 123456, ABCDEF, PNR X9ABCD")).isEmpty();
    }

    @Test
    void givesCompactLowerCasePlatesLessStrength() {
        assertThat(plates.scan("gv123k").getFirst().strength())
                .isLessThan(plates.scan("GV123K").getFirst().strength());
    }

    @Test
    void readsACapitalIInALowerCasePlateAsTheLowerCaseLOcrTookItFor() {
        assertThat(normalised("kenteken Ir-dg-95")).containsExactly("LR-DG-95");
        assertThat(normalised("kenteken IR-DG-95")).containsExactly("IR-DG-95");
    }

    @Test
    void readsADashedPlateWithOneLookAlikeCharacterAsTheOnlySideCodeItCanBe() {
        assertThat(normalised("kenteken 1-342-jb")).containsExactly("L-342-JB");
        assertThat(normalised("kenteken GV-12O-K")).containsExactly("GV-120-K");
        assertThat(normalised("ref 12-345-678, 1-2-3")).isEmpty();
    }
}
