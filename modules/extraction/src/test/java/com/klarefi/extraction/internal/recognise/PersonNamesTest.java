package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PersonNamesTest {
    private static String normalise(String printed) {
        return PersonNames.normalise(Arrays.asList(printed.split(" ")));
    }

    @Test
    void putsSurnameFirstNamesInReadingOrderWithTheParticles() {
        assertThat(normalise("Dijk, Jan van")).isEqualTo("Jan van Dijk");
        assertThat(normalise("Van der Berg, Piet")).isEqualTo("Piet van der Berg");
    }

    @Test
    void givesNamesInCapitalsNormalCapitals() {
        assertThat(normalise("VAN DER BERG, PIET")).isEqualTo("Piet van der Berg");
        assertThat(normalise("ANNA-LIES DE WIT")).isEqualTo("Anna-Lies de Wit");
    }

    @Test
    void dropsTitlesAndKeepsInitials() {
        assertThat(normalise("Dhr. J. de Vries")).isEqualTo("J. de Vries");
        assertThat(normalise("Mrs Anna Smith")).isEqualTo("Anna Smith");
    }

    @Test
    void refusesASingleWord() {
        assertThat(normalise("Jansen")).isNull();
    }
}
