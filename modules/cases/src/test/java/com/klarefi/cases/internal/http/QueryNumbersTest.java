package com.klarefi.cases.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.http.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryNumbersTest {
    @Test
    void anAbsentParameterTakesItsDefaultAndDigitsTheirValue() {
        assertThat(QueryNumbers.parse(Optional.empty(), "after_cursor", 7, 0, Long.MAX_VALUE))
                .isEqualTo(7);
        assertThat(QueryNumbers.parse(Optional.of("0042"), "after_cursor", 0, 0, Long.MAX_VALUE))
                .isEqualTo(42);
        assertThat(QueryNumbers.parse(Optional.of("9223372036854775807"), "after_cursor", 0, 0, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
    }

    /** Found by fuzzing: a sign or another script's digits gave a cursor a second spelling. */
    @ParameterizedTest
    @ValueSource(strings = {"+5", "-0", "\u0663", "\uff15", "", " 5", "5 ", "9223372036854775808", "1e3", "0x10"})
    void aCursorIsWrittenInAsciiDigitsOnly(String raw) {
        assertThatThrownBy(() -> QueryNumbers.parse(Optional.of(raw), "after_cursor", 0, 0, Long.MAX_VALUE))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("invalid_after_cursor");
                });
    }

    @Test
    void aFractionalCursorIsToldThatCursorsAreWholeNumbersWithoutAnUpperBound() {
        assertThatThrownBy(() -> QueryNumbers.parse(Optional.of("1.5"), "after_cursor", 0, 0, Long.MAX_VALUE))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getMessage())
                                .isEqualTo("after_cursor must be a whole number of 0 or more, written in digits."));
    }

    @Test
    void aBoundedNumberNamesBothBounds() {
        assertThatThrownBy(() -> QueryNumbers.parse(Optional.of("0.5"), "limit", 100, 1, 100))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getMessage())
                                .isEqualTo("limit must be a whole number from 1 to 100, written in digits."));
    }

    @Test
    void aNumberOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> QueryNumbers.parse(Optional.of("101"), "limit", 100, 1, 100))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo("invalid_limit"));
    }
}
