package com.klarefi.processing.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes bytes that should be human text: UTF-8 when they are valid UTF-8, else Windows-1252 (the
 * Latin-1 superset mail and office tools write), else ISO-8859-1. Content with control characters
 * other than tab, line breaks and form feed is binary, not text.
 */
final class TextDecoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {}

    /** The text, without a byte order mark, or empty when the bytes are binary. */
    static Optional<String> asText(byte[] bytes) {
        String text = decodeLeniently(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return isBinary(text) ? Optional.empty() : Optional.of(text);
    }

    /** Decodes with the first of UTF-8, Windows-1252 and ISO-8859-1 that accepts the bytes. */
    static String decodeLeniently(byte[] bytes) {
        return strictly(bytes, StandardCharsets.UTF_8)
                .or(() -> strictly(bytes, WINDOWS_1252))
                .orElseGet(() -> new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Decodes with a declared charset, falling back to {@link #decodeLeniently} if unknown. */
    static String decode(byte[] bytes, Optional<String> charsetName) {
        Optional<Charset> charset = charsetName.flatMap(TextDecoding::charset);
        if (charset.isEmpty() || charset.get().equals(StandardCharsets.US_ASCII)) {
            return decodeLeniently(bytes);
        }
        return new String(bytes, charset.get());
    }

    static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isBinary(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control || c == 0x7F || c >= 0x80 && c <= 0x9F) {
                return true;
            }
        }
        return false;
    }
}
