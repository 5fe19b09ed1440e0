package com.klarefi.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.webhooks.api.WebhookEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What pages make of text from documents and forms, without a server. */
class PageMarkupTest {
    private static Optional<CaseFeature.Evidence> evidence(int start, int end) {
        return Optional.of(new CaseFeature.Evidence(
                "ev_1", "doc_1", 0, start, end, Optional.empty(), "", "text", OptionalDouble.empty()));
    }

    @Test
    void theEvidencesCharactersAreMarkedAndEverythingElseIsEscaped() {
        String text = "<b>Polis</b>: AB-123 & co";

        String marked = PageTextPages.highlighted(text, evidence(14, 20));

        assertThat(marked).isEqualTo("&lt;b&gt;Polis&lt;/b&gt;: <mark id=\"evidence\">AB-123</mark> &amp; co");
    }

    @Test
    void offsetsOutsideTheTextAreClampedInsteadOfFailingThePage() {
        assertThat(PageTextPages.highlighted("short", evidence(3, 99))).isEqualTo("sho<mark id=\"evidence\">rt</mark>");
        assertThat(PageTextPages.highlighted("short", evidence(99, 120)))
                .isEqualTo("short<mark id=\"evidence\"></mark>");
    }

    @Test
    void anEnabledEndpointWhoseDeliveriesFailIsFailingNotEnabled() {
        Instant since = Instant.parse("2026-01-15T10:00:00Z");
        WebhookEndpoint failing = new WebhookEndpoint(
                "whep_1",
                "org_1",
                "test",
                "https://x.example/h",
                "",
                "enabled",
                Optional.empty(),
                List.of(),
                Optional.of(since),
                Optional.empty(),
                since);

        assertThat(WebhookPages.health(failing))
                .contains("status-failing")
                .contains("2026-01-15T10:00:00Z")
                .doesNotContain("status-enabled");
    }

    @Test
    void aDocumentIsNamedByItsFileOrItsAddressWithoutTheQueryThatMayCarryASignature() {
        assertThat(CasePages.source(Optional.of("upload:scan 1.pdf"))).isEqualTo("scan 1.pdf (uploaded)");
        assertThat(CasePages.source(Optional.of("https://docs.example/claims/7.pdf?X-Amz-Signature=abc#p2")))
                .isEqualTo("https://docs.example/claims/7.pdf?…");
        assertThat(CasePages.source(Optional.of("https://docs.example/claims/7.pdf")))
                .isEqualTo("https://docs.example/claims/7.pdf");
        assertThat(CasePages.source(Optional.empty())).isEqualTo("(no longer stored)");
    }

    @Test
    void quotesAndApostrophesCannotLeaveAnAttribute() {
        assertThat(Html.text("\" onmouseover='x'")).isEqualTo("&quot; onmouseover=&#39;x&#39;");
    }

    @Test
    void formValuesAreTrimmedAndBlankOnesCountAsAbsentWhileRawTextKeepsItsLineBreaks() {
        Form form = Form.parse("event_type=+a+&event_type=&definition=%7B%7D%0A&empty=+");

        assertThat(form.all("event_type")).isEqualTo(List.of("a"));
        assertThat(form.raw("definition")).isEqualTo("{}\n");
        assertThat(form.value("empty")).isEmpty();
        assertThat(form.value("absent")).isEmpty();
    }

    @Test
    void multipartFieldsAreReadAsUtf8WithTheirLineBreaks() {
        String body = "--b0\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\ntok\r\n"
                + "--b0\r\nContent-Disposition: form-data; name=\"definition_file\"; filename=\"x.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"name\": \"Schäden\"}\r\n\r\n--b0--\r\n";

        Form form = Form.multipart(body.getBytes(StandardCharsets.UTF_8), "b0");

        assertThat(form.all("csrf_token")).containsExactly("tok");
        assertThat(form.raw("definition_file")).isEqualTo("{\"name\": \"Schäden\"}\r\n");
    }

    @Test
    void aTruncatedMultipartBodyIsRefused() {
        byte[] body =
                "--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8);

        Assertions.assertThatThrownBy(() -> Form.multipart(body, "b0")).hasMessageContaining("could not be read");
    }
}
