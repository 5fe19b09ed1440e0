package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MoneyRecogniserTest {
    private final MoneyRecogniser money = new MoneyRecogniser();

    private List<String> normalised(String text) {
        return money.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void readsEuropeanAndEnglishSeparators() {
        assertThat(normalised("totaal € 1.234,56")).containsExactly("EUR 1234.56");
        assertThat(normalised("total €1,234.56")).containsExactly("EUR 1234.56");
        assertThat(normalised("total $1,234.56")).containsExactly("USD 1234.56");
        assertThat(normalised("Betrag CHF 1'234.50")).containsExactly("CHF 1234.50");
    }

    @Test
    void readsWholeEuroAmountsWrittenWithADash() {
        assertThat(normalised("geschat € 2.500,-")).containsExactly("EUR 2500.00");
        assertThat(normalised("geschat 1.234,-")).containsExactly("EUR 1234.00");
    }

    @Test
    void readsCurrencyCodesAndWordsBeforeOrAfterTheAmount() {
        assertThat(normalised("USD 12.50")).containsExactly("USD 12.50");
        assertThat(normalised("12,50 GBP")).containsExactly("GBP 12.50");
        assertThat(normalised("852,00 euro")).containsExactly("EUR 852.00");
        assertThat(normalised("£ 7")).containsExactly("GBP 7.00");
    }

    @Test
    void ignoresNumbersWithoutCurrencyAndWordsThatAreNoCurrency() {
        assertThat(normalised("Aantal 4,5 prijs 89,50 BTW 21 VAT 12.00")).isEmpty();
    }

    @Test
    void quotesExactlyThePrintedAmount() {
        String text = "Totaal incl. BTW €2.204,92 te betalen";
        Match match = money.scan(text).getFirst();
        assertThat(text.substring(match.start(), match.end())).isEqualTo("€2.204,92");
    }

    @Test
    void aCurrencyAndItsAmountStandOnOneLine() {
        // "SDN BHD" over a company number is no amount of Bahraini dinars
        assertThat(normalised("CORNER MART SDN BHD\n1000131-V")).isEmpty();
        assertThat(normalised("TOTAL RM 52.40")).containsExactly("MYR 52.40");
    }

    @Test
    void aTablesBorderAfterTheAmountsStillMakesAColumnOfAmounts() {
        // OCR reads the rule at a table's edge as a bar; the amounts are read alone, as on a page without one
        assertThat(normalised("FUSE 8.00 |\nCABLE 30.37 |\nTOTAL 38.37 |")).containsExactly("8.00", "30.37", "38.37");
    }

    @Test
    void theLookAheadAdmitsEveryCurrencyWhereItStarts() {
        Pattern plain = Pattern.compile("(?<![\\p{L}\\d])" + MoneyRecogniser.CURRENCY);
        Pattern ahead = Pattern.compile(MoneyRecogniser.CURRENCY_START + "(?<![\\p{L}\\d])" + MoneyRecogniser.CURRENCY);
        List<String> tokens = List.of(
                "US$", "A$", "C$", "S$", "HK$", "€", "£", "$", "¥", "₹", "₩", "฿", "₱", "₺", "EUR", "MYR", "eur",
                "Euro", "EUROS", "Fr.", "SFr.", "RM", "Rs.", "Rs", "Kč", "zł", "zl", "kr", "Rp", "kR", "ZL", "ék", " ",
                "1", "\n", "é", "x", "K");
        Random random = new Random(19);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 12; k++) {
                text.append(tokens.get(random.nextInt(tokens.size())));
            }
            assertThat(starts(ahead, text.toString())).as(text.toString()).isEqualTo(starts(plain, text.toString()));
        }
    }

    private static List<String> starts(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = pattern.matcher(text); matcher.find(); ) {
            found.add(matcher.start() + ":" + matcher.group());
        }
        return found;
    }
}
