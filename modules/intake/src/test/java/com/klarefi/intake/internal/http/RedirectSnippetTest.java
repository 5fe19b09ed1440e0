package com.klarefi.intake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectSnippetTest {
    @Test
    void anOrdinaryUrlIsWrittenAsAStringLiteral() {
        assertThat(RedirectSnippet.of("https://intake.example/s/abc?token=x-y_z"))
                .isEqualTo("<script>window.location.href=\"https://intake.example/s/abc?token=x-y_z\";</script>");
    }

    @Test
    void charactersThatCouldEndTheScriptOrTheStringAreEscaped() {
        String snippet = RedirectSnippet.of("https://x.example/</script><script>alert(1)</script>\"&'");

        assertThat(snippet.substring("<script>".length(), snippet.length() - "</script>".length()))
                .doesNotContain("<")
                .doesNotContain(">")
                .doesNotContain("&")
                .doesNotContain("'")
                .contains("\\u003c/script\\u003e")
                .contains("\\\"");
    }
}
