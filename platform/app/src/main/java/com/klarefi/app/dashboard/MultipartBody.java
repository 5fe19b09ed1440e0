package com.klarefi.app.dashboard;

import com.klarefi.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a {@code multipart/form-data} body (RFC 7578), as the dashboard needs them: a few
 * text fields and small uploaded text files, each read as UTF-8. The body is scanned as ISO-8859-1,
 * which maps every byte to one character, so offsets found in the text are offsets in the bytes.
 */
final class MultipartBody {
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*?;\\s*name=\"([^\"]*)\"");

    private MultipartBody() {
    }

    static Map<String, List<String>> parse(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int position = text.indexOf(delimiter);
        if (boundary.isEmpty() || position < 0) {
            throw invalid();
        }
        while (true) {
            position += delimiter.length();
            if (text.startsWith("--", position)) {
                return fields;
            }
            if (!text.startsWith("\r\n", position)) {
                throw invalid();
            }
            int headersEnd = text.indexOf("\r\n\r\n", position);
            int next = headersEnd < 0 ? -1 : text.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (next < 0) {
                throw invalid();
            }
            Matcher name = NAME.matcher(text.substring(position + 2, headersEnd));
            if (name.find()) {
                byte[] value = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
                fields.computeIfAbsent(name.group(1), key -> new ArrayList<>()).add(new String(value, StandardCharsets.UTF_8));
            }
            position = next + 2;
        }
    }

    private static ApiException invalid() {
        return ApiException.validation("invalid_form", "The uploaded form could not be read.");
    }
}
