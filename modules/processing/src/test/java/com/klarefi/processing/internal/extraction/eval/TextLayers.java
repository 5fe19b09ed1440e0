package com.klarefi.processing.internal.extraction.eval;

import com.klarefi.processing.api.PageLayer;
import com.klarefi.processing.api.TextMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Page layers of plain text and e-mail files: one page, no word boxes. An e-mail becomes its
 * From/To/Date/Subject headers and its decoded text body (single-part messages, which is what the
 * evaluation corpus holds).
 */
final class TextLayers {
    private static final Set<String> KEPT_HEADERS = Set.of("from", "to", "date", "subject");

    private TextLayers() {
    }

    static List<PageLayer> plain(Path file) throws IOException {
        return List.of(page(Files.readString(file, StandardCharsets.UTF_8)));
    }

    static List<PageLayer> email(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int split = raw.indexOf("\n\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 2);
        StringBuilder text = new StringBuilder();
        String encoding = "";
        for (String line : head.replaceAll("\n[ \t]+", " ").split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (KEPT_HEADERS.contains(name)) {
                text.append(line).append('\n');
            } else if (name.equals("content-transfer-encoding")) {
                encoding = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            }
        }
        text.append('\n').append(decode(body, encoding));
        return List.of(page(text.toString()));
    }

    private static String decode(String body, String encoding) {
        return switch (encoding) {
            case "base64" -> new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            case "quoted-printable" -> quotedPrintable(body);
            default -> body;
        };
    }

    private static String quotedPrintable(String body) {
        String joined = body.replace("=\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static PageLayer page(String text) {
        return new PageLayer(0, text, TextMethod.TEXT, 0, 0, List.of());
    }
}
