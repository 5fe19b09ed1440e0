package com.klarefi.processing.internal.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The readable text of an HTML mail body: no scripts, styles or tags; block elements on own lines. */
final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</?(p|div|tr|li|ul|ol|table|h[1-6]|blockquote|pre)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "euro", "€", "copy", "©", "hellip", "…", "ndash", "–");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text).replace('\u00A0', ' ').replaceAll("[ \t\r\f]+", " ");
        text = text.replaceAll("(?m)^ +| +$", "");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String original) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return original;
        }
        return NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), original);
    }
}
