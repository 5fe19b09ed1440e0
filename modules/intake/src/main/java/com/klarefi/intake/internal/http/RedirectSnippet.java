package com.klarefi.intake.internal.http;

import com.klarefi.platform.json.Json;

/**
 * The script a customer's page includes to send its applicant to the session. The URL is written
 * as a JSON string with the characters that could end the script element or the string escaped,
 * so even an odd configured base URL cannot inject markup.
 */
final class RedirectSnippet {
    private RedirectSnippet() {}

    static String of(String url) {
        String literal = Json.writeString(url)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
        return "<script>window.location.href=" + literal + ";</script>";
    }
}
