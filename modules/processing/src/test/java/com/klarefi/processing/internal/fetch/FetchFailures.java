package com.klarefi.processing.internal.fetch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.processing.api.DocumentFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Captures the failure a fetch throws, for assertions on its code and flags. */
final class FetchFailures {
    private FetchFailures() {}

    static DocumentFailure failureOf(ThrowingCallable fetch) {
        DocumentFailure[] caught = new DocumentFailure[1];
        assertThatThrownBy(fetch).isInstanceOfSatisfying(DocumentFailure.class, failure -> caught[0] = failure);
        return caught[0];
    }
}
