package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRecogniserTest {
    private final TimeRecogniser times = new TimeRecogniser();

    private List<String> normalised(String text) {
        return times.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void readsClockTimesInDutchAndEnglishNotation() {
        assertThat(normalised("omstreeks 14.30 uur")).containsExactly("14:30");
        assertThat(normalised("at 2:30 pm")).containsExactly("14:30");
        assertThat(normalised("at 12:45 AM")).containsExactly("00:45");
        assertThat(normalised("at 12:45 PM")).containsExactly("12:45");
        assertThat(normalised("um 9h05")).containsExactly("09:05");
    }

    @Test
    void reportsADottedTimeWithoutUnitOnlyWeakly() {
        assertThat(times.scan("Tijd 12.40").getFirst().strength()).isLessThan(1.0);
        assertThat(times.scan("Tijd 12:40").getFirst().strength()).isEqualTo(1.0);
    }

    @Test
    void ignoresAmountsDatesAndImpossibleTimes() {
        assertThat(normalised("EUR 1.234,56 op 12.03.2021 om 25:10")).isEmpty();
    }
}
