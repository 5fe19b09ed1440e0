package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/** The one page that shows a new secret ({@link ShownOnce}), and the pages that ask before a risky action. */
final class SecretPages {
    private final ShownOnce shownOnce;
    private final Layout layout;
    private final SignedIn signedIn;

    SecretPages(ShownOnce shownOnce, Layout layout, SignedIn signedIn) {
        this.shownOnce = shownOnce;
        this.layout = layout;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/shown/{ticket}", signedIn.page(this::shown));
    }

    /** Answers a post that made a secret: 303 to the page that shows it once. */
    void redirectToSecret(ServerResponse response, OperatorSession session, ShownOnce.Page page) {
        Layout.redirect(response, shownOnce.keep(session, page));
    }

    private void shown(ServerRequest request, ServerResponse response, OperatorSession session) {
        Optional<ShownOnce.Page> page =
                shownOnce.take(session, request.path().pathParameters().get("ticket"));
        if (page.isEmpty()) {
            layout.page(
                    request,
                    response,
                    session,
                    410,
                    "",
                    "Already shown",
                    Html.problem(
                                    "A new secret is shown once, "
                                            + "and this one was shown already (or not opened within "
                                            + ShownOnce.LIFETIME.toMinutes()
                                            + " minutes). It cannot be shown again; roll the key or rotate the secret if it was not copied.")
                            + "<p>" + Html.link(Dashboard.PREFIX, "Back to the dashboard") + "</p>");
            return;
        }
        StringBuilder body = new StringBuilder(Html.notice(page.get().notice()));
        for (Map.Entry<String, String> secret : page.get().secrets()) {
            body.append(Html.secret(secret.getKey(), secret.getValue()));
        }
        body.append("<p>")
                .append(Html.link(page.get().nextPath(), page.get().nextLabel()))
                .append("</p>");
        layout.page(request, response, session, "", page.get().title(), body.toString());
    }

    /**
     * A page that asks before a risky action: what will happen, a button that posts to
     * {@code action}, and a way back that changes nothing.
     */
    static void confirm(
            Layout layout,
            ServerRequest request,
            ServerResponse response,
            OperatorSession session,
            String section,
            String title,
            String consequence,
            String action,
            String button,
            String backPath) {
        String body = "<p class=\"problem\">" + Html.text(consequence) + "</p><div class=\"actions\">"
                + Layout.button(session, action, button, "danger") + " " + Html.link(backPath, "Cancel") + "</div>";
        layout.page(request, response, session, section, title, body);
    }
}
