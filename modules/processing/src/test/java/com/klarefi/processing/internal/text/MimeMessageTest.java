package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MimeMessageTest {
    @Test
    void showsTheReadersHeadersThenTheBody() {
        String message = """
                Received: from mx.example.nl
                Message-ID: <1@example.nl>
                From: Mirjam Kok <mirjam@example.nl>
                To: schade@example.nl
                Cc: kopie@example.nl
                Subject: Car damage
                  claim
                Date: Fri, 22 Nov 2024 14:03:31 +0100
                Content-Type: text/plain; charset="utf-8"

                Dear Sir or Madam,

                Policy AUT-2022-8977589.
                """;

        assertThat(MimeMessage.text(utf8(message))).isEqualTo("""
                From: Mirjam Kok <mirjam@example.nl>
                To: schade@example.nl
                Cc: kopie@example.nl
                Date: Fri, 22 Nov 2024 14:03:31 +0100
                Subject: Car damage claim

                Dear Sir or Madam,

                Policy AUT-2022-8977589.""");
    }

    @Test
    void prefersThePlainPartOfAnAlternativeAndDecodesQuotedPrintable() {
        String message =
                "From: a@example.nl\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\nSubject: =?UTF-8?Q?Schade_=E2=82=AC?=\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                        + "preamble\r\n--b1\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                        + "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 bedrag =E2=82=AC is niet ge=\r\ndefinieerd\r\n"
                        + "--b1\r\nContent-Type: text/html\r\n\r\n<p>HTML version</p>\r\n--b1--\r\n";

        String text = MimeMessage.text(utf8(message));

        assertThat(text)
                .contains("Subject: Schade €")
                .contains("Café bedrag")
                .contains("niet gedefinieerd")
                .doesNotContain("HTML version")
                .doesNotContain("preamble");
    }

    @Test
    void turnsAnHtmlOnlyBodyIntoTextAndSkipsAttachments() {
        String html =
                "<html><head><style>p{color:red}</style></head><body><p>Beste,</p><div>Bedrag:&nbsp;&euro;&#160;12,50"
                        + " &amp; meer</div><script>alert(1)</script><br>Groet</body></html>";
        String message = "From: a@example.nl\nDate: Mon, 1 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=outer\n\n--outer\n"
                + "Content-Type: text/plain; name=notes.txt\nContent-Disposition: attachment; filename=notes.txt\n\n"
                + "attached notes\n--outer\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(utf8(html)) + "\n--outer--\n";

        String text = MimeMessage.text(utf8(message));

        assertThat(text)
                .endsWith("Beste,\n\nBedrag: € 12,50 & meer\n\nGroet")
                .doesNotContain("attached notes")
                .doesNotContain("color")
                .doesNotContain("alert");
    }

    @Test
    void readsAnHtmlBodyOfFiftyThousandUnclosedCommentsInLinearTime() {
        // Quadratic HTML handling took 52 s on this 200 KB message and froze the whole instance.
        String html = "<p>Schade</p>" + "<!--".repeat(50_000);
        String message = "From: a@example.nl\nContent-Type: text/html\n\n" + html;

        String text = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> MimeMessage.text(utf8(message)));

        assertThat(text).endsWith("Schade");
    }

    @Test
    void decodesBase64EncodedWordsInHeaders() {
        String subject = "=?utf-8?B?" + Base64.getEncoder().encodeToString(utf8("Schade aan mijn auto")) + "?=";
        String message = "From: =?iso-8859-1?q?Jos=E9?= <jose@example.nl>\nDate: x\nSubject: " + subject + "\n\nBody";

        assertThat(MimeMessage.text(utf8(message)))
                .startsWith("From: José <jose@example.nl>\nDate: x\n" + "Subject: Schade aan mijn auto\n\nBody");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
