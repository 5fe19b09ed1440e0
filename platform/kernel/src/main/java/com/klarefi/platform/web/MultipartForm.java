package com.klarefi.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) that is already in memory: the parts' names,
 * file names and contents, bytes intact. The size of the whole body is bounded before it gets here
 * ({@link BoundedBody}).
 */
public final class MultipartForm {
    /** One field or file of the form; {@code filename} is present for files. */
    public record Part(String name, Optional<String> filename, byte[] content) {
        /** The content as UTF-8 text, as browsers send text fields. */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** A body that is not the multipart form it claims to be. */
    public static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private MultipartForm() {}

    /** The boundary parameter of a {@code multipart/form-data} content type. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        return HeaderParameters.value(contentType, "boundary")
                .filter(value -> !value.isEmpty() && value.length() <= 70);
    }

    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedException("no boundary in the body");
        }
        position += delimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, position, "--")) {
                return parts;
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new MalformedException("a boundary is not followed by a line break");
            }
            int headersStart = position + 2;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            int contentEnd = headersEnd < 0 ? -1 : indexOf(body, separator, headersEnd + HEADER_END.length);
            if (contentEnd < 0) {
                throw new MalformedException("a part is not closed by a boundary");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + HEADER_END.length, contentEnd);
            parts.add(part(headers, content));
            position = contentEnd + separator.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                String disposition = line.substring(colon + 1);
                String name = HeaderParameters.value(disposition, "name")
                        .orElseThrow(() -> new MalformedException("a part has no name"));
                Optional<String> filename =
                        HeaderParameters.value(disposition, "filename").map(MultipartForm::baseName);
                return new Part(name, filename, content);
            }
        }
        throw new MalformedException("a part has no Content-Disposition");
    }

    /** Some browsers send the whole client path; only the last segment is the file's name. */
    private static String baseName(String filename) {
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        return filename.substring(slash + 1);
    }

    private static boolean startsWith(byte[] body, int position, String ascii) {
        if (position + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[position + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] pattern, int from) {
        int last = body.length - pattern.length;
        outer:
        for (int i = Math.max(from, 0); i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
