package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IbanRecogniserTest {
    private final IbanRecogniser ibans = new IbanRecogniser();

    private List<String> normalised(String text) {
        return ibans.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void readsIbansWithAndWithoutSpaces() {
        assertThat(normalised("IBAN NL91 ABNA 0417 1643 00 t.n.v. X")).containsExactly("NL91ABNA0417164300");
        assertThat(normalised("naar NL91ABNA0417164300.")).containsExactly("NL91ABNA0417164300");
        assertThat(normalised("konto DE89 3704 0044 0532 0130 00")).containsExactly("DE89370400440532013000");
        assertThat(normalised("rekening nl91abna0417164300")).containsExactly("NL91ABNA0417164300");
    }

    @Test
    void rejectsIbansWithATypo() {
        assertThat(normalised("NL91 ABNA 0417 1643 01")).isEmpty();
        assertThat(normalised("NL19 ABNA 0417 1643 00")).isEmpty();
        assertThat(normalised("NL91 ABNA 0417 1643 0")).isEmpty();
    }

    @Test
    void quotesTheIbanAsPrinted() {
        String text = "IBAN: NL91 ABNA 0417 1643 00\n";
        Match match = ibans.scan(text).getFirst();
        assertThat(text.substring(match.start(), match.end())).isEqualTo("NL91 ABNA 0417 1643 00");
    }

    @Test
    void readsTheLookAlikeLettersOcrPutInAnIbansDigitsAsDigitsWhereTheCheckDigitsThenHold() {
        assertThat(normalised("Bankrekeningnummer NLO6 ASNB 7950 1574 29")).containsExactly("NL06ASNB7950157429");
        assertThat(normalised("NLOSSNSB5350049909 E. Kok")).containsExactly("NL05SNSB5350049909");
        assertThat(normalised("NL91 ABNA O417 1643 00")).containsExactly("NL91ABNA0417164300");
        assertThat(normalised("NLO1 ABNA 0417 1643 00")).isEmpty();
    }
}
