package com.klarefi.processing.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MIME entity (a message or one of its parts): unfolded headers, the first value of each by
 * lower-case name, and the raw body. Bytes travel as ISO-8859-1 strings, which map bytes to chars
 * one to one, so splitting on boundaries never damages 8-bit content.
 */
record MimeEntity(Map<String, String> headers, byte[] body) {
    private static final Pattern HEADER_END = Pattern.compile("\r?\n\r?\n");
    private static final Pattern PARAMETER =
            Pattern.compile(";\\s*([A-Za-z0-9_.*-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

    static MimeEntity parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher end = HEADER_END.matcher(raw);
        boolean hasBody = end.find();
        String head = hasBody ? raw.substring(0, end.start()) : raw;
        String body = hasBody ? raw.substring(end.end()) : "";
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field : head.replaceAll("\r?\n(?=[ \t])", "").split("\r?\n")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        field.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        field.substring(colon + 1).trim());
            }
        }
        return new MimeEntity(headers, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Type and subtype in lower case; {@code text/plain} when absent, as RFC 2045 says. */
    String mediaType() {
        String value = header("content-type").orElse("text/plain");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    Optional<String> contentTypeParameter(String name) {
        Matcher matcher = PARAMETER.matcher(header("content-type").orElse(""));
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                String quoted = matcher.group(3);
                return Optional.of(quoted != null ? quoted.replaceAll("\\\\(.)", "$1") : matcher.group(2));
            }
        }
        return Optional.empty();
    }

    boolean isAttachment() {
        return header("content-disposition")
                .map(value -> value.toLowerCase(Locale.ROOT).startsWith("attachment"))
                .orElse(false);
    }

    /** The body with its transfer encoding (base64, quoted-printable) undone. */
    byte[] decodedBody() {
        String encoding =
                header("content-transfer-encoding").orElse("7bit").trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> MimeDecoding.base64(body);
            case "quoted-printable" -> MimeDecoding.quotedPrintable(body);
            default -> body;
        };
    }

    /** The parts of a multipart entity, empty when it is not one or has no boundary. */
    List<MimeEntity> parts() {
        Optional<String> boundary = contentTypeParameter("boundary");
        if (!mediaType().startsWith("multipart/") || boundary.isEmpty()) {
            return List.of();
        }
        String delimiter = "--" + boundary.get();
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        List<MimeEntity> parts = new ArrayList<>();
        StringBuilder current = null;
        for (String line : raw.split("\r?\n", -1)) {
            if (line.startsWith(delimiter)) {
                if (current != null) {
                    parts.add(parse(current.toString().getBytes(StandardCharsets.ISO_8859_1)));
                }
                boolean closing = line.startsWith(delimiter + "--");
                current = closing ? null : new StringBuilder();
                if (closing) {
                    break;
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return parts;
    }
}
