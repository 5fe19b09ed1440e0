package com.klarefi.cases.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.klarefi.platform.http.ApiException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The events cursor ({@code after_cursor}) as any text: accepted exactly when it is a decimal
 * number in ASCII digits within bounds, with that value; otherwise a 400 naming the parameter.
 */
class QueryNumbersFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void aCursorIsAcceptedExactlyWhenItIsAnInRangeDecimalNumber(FuzzedDataProvider data) {
        long max = data.consumeBoolean() ? Long.MAX_VALUE : data.consumeLong(1, 1000);
        String raw = data.consumeRemainingAsString();
        boolean wellFormed = raw.matches("[0-9]{1,19}") && new BigInteger(raw).compareTo(BigInteger.valueOf(max)) <= 0;

        try {
            long value = QueryNumbers.parse(Optional.of(raw), "after_cursor", 0, 0, max);
            assertThat(wellFormed).as("accepted '%s'", raw).isTrue();
            assertThat(value).isEqualTo(Long.parseLong(raw));
        } catch (ApiException refused) {
            assertThat(wellFormed).as("refused '%s'", raw).isFalse();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid_after_cursor");
        }
    }
}
