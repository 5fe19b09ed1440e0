package com.klarefi.platform.http;

import static com.klarefi.platform.web.HtmlText.escape;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-rendered pages for people (not API clients): never cached, never sniffed, never
 * framed, no referrer, and a Content-Security-Policy that the page names (no inline scripts).
 */
public final class HtmlPages {
    /** Nothing but the page itself; for pages without scripts, styles or forms. */
    public static final String STRICT_POLICY =
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private HtmlPages() {}

    public static void send(ServerResponse response, int status, String html, String contentSecurityPolicy) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        securityHeaders(response, contentSecurityPolicy);
        response.send(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 303 to {@code location} after a form post, so reloading the next page does not post again;
     * with the same headers as a page, since the redirect answers a page's request.
     */
    public static void redirect(ServerResponse response, String location, String contentSecurityPolicy) {
        response.status(Status.SEE_OTHER_303);
        response.header(HeaderNames.LOCATION, location);
        securityHeaders(response, contentSecurityPolicy);
        response.send();
    }

    private static void securityHeaders(ServerResponse response, String contentSecurityPolicy) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header("Pragma", "no-cache");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
        response.header("Content-Security-Policy", contentSecurityPolicy);
    }

    /** A plain page in Dutch and English for failures outside any module's own pages. */
    static String errorPage(ApiException error, String requestId) {
        String title = switch (error.status()) {
            case 404 -> "Pagina niet gevonden · Page not found";
            case 405 -> "Niet toegestaan · Not allowed";
            case 413 -> "Bestand te groot · File too large";
            default ->
                error.status() >= 500
                        ? "Er ging iets mis · Something went wrong"
                        : "Verzoek niet verwerkt · Request not processed";
        };
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head><body><main><h1>" + escape(title) + "</h1><p>Referentie · Reference: <code>"
                + escape(requestId) + "</code></p></main></body></html>";
    }
}
