package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.HtmlPages;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every page. {@link HtmlPages} sends it with the headers that keep pages private;
 * the policy here allows no script or style from anywhere but this server (and no inline script).
 */
final class Layout {
    static final String CSRF_FIELD = "csrf_token";
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final List<String[]> SECTIONS = List.of(
            new String[] {"overview", "Overview"},
            new String[] {"organisations", "Organisations"},
            new String[] {"webhooks", "Webhooks"},
            new String[] {"case-types", "Case types"},
            new String[] {"cases", "Cases"},
            new String[] {"erasures", "Erasure log"});

    private final Optional<Integer> jobDashboardPort;

    Layout(Optional<Integer> jobDashboardPort) {
        this.jobDashboardPort = jobDashboardPort;
    }

    void page(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            String section,
            String title,
            String body) {
        page(request, response, session, 200, section, title, body);
    }

    void page(
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            int status,
            String section,
            String title,
            String body) {
        StringBuilder nav = new StringBuilder("<nav aria-label=\"Sections\"><ul>");
        for (String[] entry : SECTIONS) {
            String current = entry[0].equals(section) ? " aria-current=\"page\"" : "";
            nav.append("<li><a href=\"")
                    .append(Dashboard.PREFIX)
                    .append('/')
                    .append(entry[0])
                    .append('"')
                    .append(current)
                    .append('>')
                    .append(entry[1])
                    .append("</a></li>");
        }
        jobDashboardPort.ifPresent(port -> nav.append("<li><a href=\"http://")
                .append(Html.text(host(request)))
                .append(':')
                .append(port)
                .append("/dashboard\" rel=\"noopener\">Jobs (JobRunr)</a></li>"));
        nav.append("</ul><form method=\"post\" action=\"")
                .append(Dashboard.PREFIX)
                .append("/logout\" class=\"signout\">")
                .append(csrfField(session))
                .append("<span class=\"muted\">")
                .append(Html.text(session.email()))
                .append("</span> <button type=\"submit\">Sign out</button></form></nav>");
        send(response, status, title, nav + "<main id=\"main\"><h1>" + Html.text(title) + "</h1>" + body + "</main>");
    }

    /** A page without navigation (sign-in, errors before sign-in). */
    static void bare(ServerResponse response, int status, String title, String body) {
        send(
                response,
                status,
                title,
                "<main id=\"main\" class=\"narrow\"><h1>" + Html.text(title) + "</h1>" + body + "</main>");
    }

    static void redirect(ServerResponse response, String location) {
        HtmlPages.redirect(response, location, CSP);
    }

    static String csrfField(OperatorSession session) {
        return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + Html.text(session.csrfToken()) + "\">";
    }

    /** A one-button form that posts to {@code action}: how every state change is made. */
    static String button(OperatorSession session, String action, String label, String cssClass) {
        return "<form method=\"post\" action=\"" + Html.text(action) + "\" class=\"inline\">" + csrfField(session)
                + "<button type=\"submit\" class=\"" + cssClass + "\">" + Html.text(label) + "</button></form>";
    }

    private static void send(ServerResponse response, int status, String title, String content) {
        HtmlPages.send(
                response,
                status,
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + Html.text(title) + " - Klarefi admin</title>"
                        + "<link rel=\"stylesheet\" href=\"" + Dashboard.PREFIX
                        + "/assets/dashboard.css\"></head><body>"
                        + "<a class=\"skip\" href=\"#main\">Skip to content</a><header><a href=\"" + Dashboard.PREFIX
                        + "\" class=\"brand\">Klarefi admin</a></header>" + content + "</body></html>",
                CSP);
    }

    private static String host(ServerRequest request) {
        String host = request.requestedUri().host();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
