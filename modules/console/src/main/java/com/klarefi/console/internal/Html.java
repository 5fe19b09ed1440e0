package com.klarefi.console.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.klarefi.platform.json.Json;
import com.klarefi.platform.web.HtmlText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The few pieces every page is made of. Everything that did not come from this class is escaped
 * with {@link #text}, so values from the database or the request never become markup.
 */
final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {}

    static String text(String value) {
        return HtmlText.escape(value);
    }

    static String text(Optional<?> value) {
        return value.map(present -> text(String.valueOf(present))).orElse("<span class=\"muted\">-</span>");
    }

    /** JSON text indented for reading (as it was when it cannot be parsed), escaped. */
    static String json(String json) {
        try {
            return text(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(json)));
        } catch (JsonProcessingException | RuntimeException e) {
            return text(json);
        }
    }

    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + TIME.format(instant) + "</time>";
    }

    static String time(Optional<Instant> instant) {
        return instant.map(Html::time).orElse("<span class=\"muted\">-</span>");
    }

    /** A path segment or query value, encoded for a URL, then escaped for an attribute. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String link(String href, String label) {
        return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
    }

    static String code(String value) {
        return "<code>" + text(value) + "</code>";
    }

    static String status(String value) {
        return "<span class=\"status status-" + text(value) + "\">" + text(value) + "</span>";
    }

    /** A table; cells are markup already (escape what goes into them). */
    static String table(List<String> headings, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return "<p class=\"muted\">" + text(whenEmpty) + "</p>";
        }
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table><thead><tr>");
        headings.forEach(heading ->
                out.append("<th scope=\"col\">").append(text(heading)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    /** Label/value pairs of one object; values are markup already. */
    static String facts(List<String[]> pairs) {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">");
        for (String[] pair : pairs) {
            out.append("<dt>")
                    .append(text(pair[0]))
                    .append("</dt><dd>")
                    .append(pair[1])
                    .append("</dd>");
        }
        return out.append("</dl>").toString();
    }

    static String[] fact(String label, String markup) {
        return new String[] {label, markup};
    }

    static String notice(String message) {
        return "<p class=\"notice\" role=\"status\">" + text(message) + "</p>";
    }

    static String problem(String message) {
        return "<p class=\"problem\" role=\"alert\">" + text(message) + "</p>";
    }

    /** A secret shown exactly once, with the warning that it cannot be shown again. */
    static String secret(String label, String value) {
        return "<div class=\"secret\"><p><strong>" + text(label)
                + "</strong> (shown once: copy it now, it cannot be shown again)</p>"
                + "<p><code class=\"secret-value\">" + text(value) + "</code></p></div>";
    }
}
