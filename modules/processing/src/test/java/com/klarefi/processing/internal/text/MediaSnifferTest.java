package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaSnifferTest {
    private final MediaSniffer sniffer = new MediaSniffer();

    @Test
    void recognisesDocumentsByTheirMagicBytes() {
        assertThat(sniffer.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0)))
                .isEqualTo(MediaType.PNG);
        assertThat(sniffer.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo(MediaType.JPEG);
        assertThat(sniffer.detect(bytes('I', 'I', 42, 0, 8, 0))).isEqualTo(MediaType.TIFF);
        assertThat(sniffer.detect(bytes('M', 'M', 0, 42, 0, 8))).isEqualTo(MediaType.TIFF);
        assertThat(sniffer.detect(ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"))).isEqualTo(MediaType.PDF);
    }

    @Test
    void acceptsAPdfHeaderAfterLeadingJunk() {
        assertThat(sniffer.detect(ascii("\r\n\r\n   %PDF-1.4\n"))).isEqualTo(MediaType.PDF);
    }

    @Test
    void ignoresWhatTheContentClaimsToBeInItsName() {
        assertThat(sniffer.detect(ascii("invoice.pdf is attached"))).isEqualTo(MediaType.PLAIN_TEXT);
    }

    @Test
    void readsUtf8AndLatin1TextAsPlainText() {
        assertThat(sniffer.detect("Schade € 1.234,56 — café".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(MediaType.PLAIN_TEXT);
        assertThat(sniffer.detect("Schadeformulier: café, één".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(MediaType.PLAIN_TEXT);
    }

    @Test
    void treatsBinaryArchivesAndEmptyContentAsUnknown() {
        assertThat(sniffer.detect(bytes('P', 'K', 3, 4, 20, 0, 0, 0))).isEqualTo(MediaType.UNKNOWN);
        assertThat(sniffer.detect(bytes('t', 'e', 'x', 't', 0, 1, 2))).isEqualTo(MediaType.UNKNOWN);
        assertThat(sniffer.detect(new byte[0])).isEqualTo(MediaType.UNKNOWN);
        assertThat(sniffer.detect(ascii(" \n\t "))).isEqualTo(MediaType.UNKNOWN);
    }

    @Test
    void recognisesHtmlAsUnsupported() {
        assertThat(sniffer.detect(ascii("\uFEFF\n<!DOCTYPE html><html><body>Hi</body></html>")))
                .isEqualTo(MediaType.HTML);
        assertThat(sniffer.detect(ascii("<html lang=\"nl\"><head>"))).isEqualTo(MediaType.HTML);
        assertThat(sniffer.detect(ascii("<!-- saved page -->\n<html>"))).isEqualTo(MediaType.HTML);
        assertThat(MediaType.HTML.supported()).isFalse();
    }

    @Test
    void recognisesAnEmailByItsRfc5322Headers() {
        String message = "Return-Path: <a@example.nl>\nFrom: A <a@example.nl>\nTo: b@example.nl\n"
                + "Subject: Schade\n =?utf-8?q?auto?=\nDate: Fri, 22 Nov 2024 14:03:31 +0100\n\nBeste,\n";

        assertThat(sniffer.detect(ascii(message))).isEqualTo(MediaType.EMAIL);
        assertThat(sniffer.detect(ascii("From: A <a@example.nl>\r\nMIME-Version: 1.0\r\n\r\nHi")))
                .isEqualTo(MediaType.EMAIL);
    }

    @Test
    void keepsAMailPastedFromAMailClientAsPlainText() {
        String pasted = "From: Marco <m@example.com>\nSent: Tuesday 3 October 2023 09:00\nTo: schade@example.nl\n"
                + "Subject: Claim\n\nDear Sir or Madam,\n";

        assertThat(sniffer.detect(ascii(pasted))).isEqualTo(MediaType.PLAIN_TEXT);
        assertThat(sniffer.detect(ascii("Date: today\nThis is a note, not a header block\n")))
                .isEqualTo(MediaType.PLAIN_TEXT);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
