package com.klarefi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {
    @Test
    void encodedNamesAndValuesAreDecodedAndTheFirstOfARepeatedNameWins() {
        assertThat(FormFields.parse("csrf=a%2Bb&value.claimant_name=Jan+de+Vries&csrf=second&empty")
                        .firstValues())
                .containsEntry("csrf", "a+b")
                .containsEntry("value.claimant_name", "Jan de Vries")
                .containsEntry("empty", "");
    }

    @Test
    void repeatedFieldsKeepEveryValueInOrder() {
        FormFields form = FormFields.parse("event_type=document.processed&event_type=case.updated"
                + "&url=https%3A%2F%2Fx.example%2Fh%3Fa%3D1&definition=%7B%22id%22%3A+1%7D%0A");

        assertThat(form.all("event_type")).containsExactly("document.processed", "case.updated");
        assertThat(form.first("url")).contains("https://x.example/h?a=1");
        assertThat(form.first("definition")).contains("{\"id\": 1}\n");
        assertThat(form.first("absent")).isEmpty();
        assertThat(form.all("absent")).isEmpty();
    }

    @Test
    void malformedEscapesReadAsEmpty() {
        assertThat(FormFields.parse("value.x=%zz").first("value.x")).contains("");
    }
}
