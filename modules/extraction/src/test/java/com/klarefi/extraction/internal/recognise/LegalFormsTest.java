package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegalFormsTest {
    @Test
    void repairsOneConfusedCharacterBesideTheFormsOtherWord() {
        assertThat(LegalForms.repaired("MR. DIY (M) SON BHD")).isEqualTo("MR. DIY (M) SDN BHD");
        assertThat(LegalForms.repaired("GARDENIA SDN BHO\nLot 3")).isEqualTo("GARDENIA SDN BHD\nLot 3");
        assertThat(LegalForms.repaired("Acme Sdn. 8hd.")).isEqualTo("Acme Sdn. Bhd.");
        assertThat(LegalForms.repaired("KING'S CONFECTIONERY 5/B 273500-U"))
                .isEqualTo("KING'S CONFECTIONERY S/B 273500-U");
    }

    @Test
    void leavesWordsAloneThatAreNoMisreadForm() {
        assertThat(LegalForms.repaired("SON OF A BHD")).isEqualTo("SON OF A BHD");
        assertThat(LegalForms.repaired("SUN BHD")).isEqualTo("SUN BHD");
        assertThat(LegalForms.repaired("SDN BHD 12/5 Jalan")).isEqualTo("SDN BHD 12/5 Jalan");
    }
}
