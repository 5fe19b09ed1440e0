package com.klarefi.processing.internal.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The encodings of MIME: base64, quoted-printable and RFC 2047 encoded words in headers. */
final class MimeDecoding {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private MimeDecoding() {}

    static byte[] base64(byte[] body) {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return body;
        }
    }

    static byte[] quotedPrintable(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != '=') {
                out.write(b);
            } else if (i + 1 < body.length && body[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < body.length && body[i + 1] == '\r' && body[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < body.length && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * A header value as text: raw 8-bit headers (RFC 6532) read as UTF-8 where valid, then encoded
     * words decoded; whitespace between two encoded words is not part of the text.
     */
    static String headerText(String rawLatin1) {
        String text = TextDecoding.decodeLeniently(rawLatin1.getBytes(StandardCharsets.ISO_8859_1));
        text = BETWEEN_ENCODED_WORDS.matcher(text).replaceAll("$1$2");
        Matcher matcher = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            byte[] bytes = matcher.group(2).equalsIgnoreCase("B")
                    ? base64(matcher.group(3).getBytes(StandardCharsets.US_ASCII))
                    : quotedPrintable(matcher.group(3).replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1));
            String decoded =
                    TextDecoding.decode(bytes, Optional.of(matcher.group(1).replaceAll("\\*.*$", "")));
            matcher.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
