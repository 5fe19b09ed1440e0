package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * The money, date, IBAN and plate recognisers over arbitrary page text: every match lies inside
 * the text and has a normalised value, and reading at any span neither fails nor leaves it.
 */
class RecognisersFuzzTest {
    private static final Map<String, Recogniser> RECOGNISERS = Map.of(
            "money",
            new MoneyRecogniser(),
            "date",
            new DateRecogniser(),
            "iban",
            new IbanRecogniser(),
            "plate",
            new PlateRecogniser());

    @FuzzTest(maxDuration = "60s")
    void everyMatchLiesInsideTheTextAndIsNormalised(FuzzedDataProvider data) {
        String name = data.pickValue(RECOGNISERS.keySet().stream().sorted().toList());
        int from = data.consumeInt(0, 400);
        int to = data.consumeInt(0, 400);
        String text = data.consumeRemainingAsString();
        Recogniser recogniser = RECOGNISERS.get(name);

        for (Match match : recogniser.scan(text)) {
            assertThat(match.start()).as(name).isBetween(0, match.end() - 1);
            assertThat(match.end()).as(name).isLessThanOrEqualTo(text.length());
            assertThat(match.normalized()).as(name).isNotBlank();
            assertThat(match.strength()).as(name).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
        int start = Math.min(from, text.length());
        int end = Math.max(start, Math.min(to, text.length()));
        recogniser.readAt(text, start, end).ifPresent(match -> {
            assertThat(match.start()).as(name).isGreaterThanOrEqualTo(start);
            assertThat(match.end()).as(name).isLessThanOrEqualTo(end);
        });
    }
}
