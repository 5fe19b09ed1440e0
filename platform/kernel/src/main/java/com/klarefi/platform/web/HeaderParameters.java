package com.klarefi.platform.web;

import java.util.Locale;
import java.util.Optional;

/** Reads {@code name=value} and {@code name="quoted value"} parameters of a header such as Content-Disposition. */
final class HeaderParameters {
    private HeaderParameters() {}

    static Optional<String> value(String header, String name) {
        int index = 0;
        while (index < header.length()) {
            int semicolon = header.indexOf(';', index);
            if (semicolon < 0) {
                return Optional.empty();
            }
            int start = semicolon + 1;
            while (start < header.length() && header.charAt(start) == ' ') {
                start++;
            }
            int equals = header.indexOf('=', start);
            if (equals < 0) {
                return Optional.empty();
            }
            String key = header.substring(start, equals).trim().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            int valueEnd;
            String value;
            if (valueStart < header.length() && header.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int i = valueStart + 1;
                while (i < header.length() && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < header.length()) {
                        i++;
                    }
                    quoted.append(header.charAt(i++));
                }
                value = quoted.toString();
                valueEnd = i + 1;
            } else {
                int next = header.indexOf(';', valueStart);
                valueEnd = next < 0 ? header.length() : next;
                value = header.substring(valueStart, valueEnd).trim();
            }
            if (key.equals(name)) {
                return Optional.of(value);
            }
            index = valueEnd;
        }
        return Optional.empty();
    }
}
