package com.klarefi.intake.internal.page;

import static com.klarefi.platform.web.HtmlText.escape;

import com.klarefi.platform.http.HtmlPages;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.Optional;

/** Short pages with a title and a sentence (refusals, thanks) and the policy every page is sent with. */
final class MessagePages {
    private static final String POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private MessagePages() {}

    /** Sends a page whose title and text are {@code key.title} and {@code key.text}. */
    static void send(ServerResponse response, int status, PageTexts texts, String key) {
        String title = texts.get(key + ".title");
        String html = PageView.head(texts, title, false) + "<main class=\"message\"><h1>" + escape(title) + "</h1><p>"
                + escape(texts.get(key + ".text")) + "</p></main></body></html>";
        HtmlPages.send(response, status, html, POLICY);
    }

    /** A page that says what went wrong with an upload and leads back to the session's page. */
    static void sendNotice(ServerResponse response, int status, PageTexts texts, String notice, String back) {
        String title = texts.get("upload");
        String html = PageView.head(texts, title, false) + "<main class=\"message\"><h1>" + escape(title)
                + "</h1><p class=\"notice\" role=\"alert\">" + escape(notice) + "</p><p><a href=\"" + escape(back)
                + "\">"
                + escape(texts.get("back")) + "</a></p></main></body></html>";
        HtmlPages.send(response, status, html, POLICY);
    }

    /** The page's policy; finishing redirects to the customer's return URL, which forms must be allowed to reach. */
    static String policy(Optional<String> returnUrl) {
        return returnUrl.map(url -> POLICY + " " + origin(url)).orElse(POLICY);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
