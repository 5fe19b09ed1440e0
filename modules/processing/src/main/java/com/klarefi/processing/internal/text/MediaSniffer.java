package com.klarefi.processing.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Recognises a document's format from its first bytes; names and declared types are not trusted. */
final class MediaSniffer {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** Readers accept a PDF header preceded by junk within the first kilobyte. */
    private static final int PDF_HEADER_WINDOW = 1024;

    MediaType detect(byte[] content) {
        if (startsWith(content, PNG)) {
            return MediaType.PNG;
        }
        if (startsWith(content, JPEG)) {
            return MediaType.JPEG;
        }
        if (startsWith(content, TIFF_LITTLE_ENDIAN) || startsWith(content, TIFF_BIG_ENDIAN)) {
            return MediaType.TIFF;
        }
        if (containsEarly(content, PDF)) {
            return MediaType.PDF;
        }
        Optional<String> text = TextDecoding.asText(content);
        if (text.isEmpty() || text.get().isBlank()) {
            return MediaType.UNKNOWN;
        }
        String head = text.get().stripLeading();
        if (looksLikeHtml(head)) {
            return MediaType.HTML;
        }
        return MimeMessage.looksLikeMessage(head) ? MediaType.EMAIL : MediaType.PLAIN_TEXT;
    }

    private static boolean looksLikeHtml(String head) {
        String start = head.substring(0, Math.min(head.length(), 1024)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html")
                || start.startsWith("<html")
                || start.startsWith("<head")
                || start.startsWith("<body")
                || start.startsWith("<") && start.contains("<html");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean containsEarly(byte[] content, byte[] magic) {
        int last = Math.min(content.length, PDF_HEADER_WINDOW) - magic.length;
        for (int offset = 0; offset <= last; offset++) {
            if (Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }
}
