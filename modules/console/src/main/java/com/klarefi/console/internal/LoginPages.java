package com.klarefi.console.internal;

import com.klarefi.auth.api.LoginOutcome;
import com.klarefi.auth.api.Operators;
import com.klarefi.platform.http.ApiRoutes;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Sign-in and sign-out. */
final class LoginPages {
    private final Operators operators;
    private final Sessions sessions;
    private final SignedIn signedIn;

    LoginPages(Operators operators, Sessions sessions, SignedIn signedIn) {
        this.operators = operators;
        this.sessions = sessions;
        this.signedIn = signedIn;
    }

    void routes(ApiRoutes routes) {
        routes.publicRoute(Method.GET, "/login", this::form);
        routes.publicRoute(Method.POST, "/login", this::logIn);
        routes.publicRoute(Method.POST, "/logout", signedIn.form((request, response, session, form) -> {
            sessions.end(request, response);
            Layout.redirect(response, Dashboard.PREFIX + "/login");
        }));
    }

    private void form(ServerRequest request, ServerResponse response) {
        if (sessions.current(request).isPresent()) {
            Layout.redirect(response, Dashboard.PREFIX);
            return;
        }
        show(response, 200, "", "");
    }

    private void logIn(ServerRequest request, ServerResponse response) {
        Form form = Form.read(request);
        sessions.requireLoginToken(request, form);
        String email = form.value("email").orElse("");
        LoginOutcome outcome = operators.logIn(email, form.raw("password"));
        switch (outcome) {
            case LoginOutcome.LoggedIn loggedIn -> {
                sessions.start(response, loggedIn.token());
                Layout.redirect(response, Dashboard.PREFIX);
            }
            case LoginOutcome.Refused refused -> show(response, 401, email, "The e-mail or the password is wrong.");
            case LoginOutcome.LockedOut locked ->
                show(
                        response,
                        429,
                        email,
                        "Too many failed sign-ins for this e-mail. Try again after " + locked.until() + ".");
        }
    }

    private void show(ServerResponse response, int status, String email, String problem) {
        String token = sessions.loginToken(response);
        String body = (problem.isEmpty() ? "" : Html.problem(problem))
                + "<form method=\"post\" action=\"" + Dashboard.PREFIX + "/login\" class=\"stacked\">"
                + "<input type=\"hidden\" name=\"" + Layout.CSRF_FIELD + "\" value=\"" + Html.text(token) + "\">"
                + "<label for=\"email\">E-mail</label>"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\""
                + Html.text(email) + "\">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">Accounts are made with <code>klarefi admin create-admin --email ...</code>.</p>";
        Layout.bare(response, status, "Sign in", body);
    }
}
