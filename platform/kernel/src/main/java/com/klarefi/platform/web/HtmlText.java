package com.klarefi.platform.web;

/**
 * The one escaper of server-rendered pages: whatever did not come from the page's own template
 * (values from the database, the request or a document) goes through {@link #escape} on its way
 * into the markup, so it never becomes markup itself.
 */
public final class HtmlText {
    private HtmlText() {}

    /** Text safe inside HTML element content and quoted attribute values; {@code null} is empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
