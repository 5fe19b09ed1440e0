package com.klarefi.intake.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {
    @Test
    void encodedNamesAndValuesAreDecodedAndTheFirstOfARepeatedNameWins() {
        assertThat(FormFields.parse("csrf=a%2Bb&value.claimant_name=Jan+de+Vries&csrf=second&empty"))
                .containsEntry("csrf", "a+b")
                .containsEntry("value.claimant_name", "Jan de Vries")
                .containsEntry("empty", "");
    }

    @Test
    void malformedEscapesReadAsEmpty() {
        assertThat(FormFields.parse("value.x=%zz")).containsEntry("value.x", "");
    }
}
