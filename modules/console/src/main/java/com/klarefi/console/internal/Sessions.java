package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Operators;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.web.Csrf;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's cookies: the session cookie (its value is known only to the browser; the
 * database keeps a hash) and, before sign-in, a cookie that pairs the login form with its browser
 * ({@link Csrf}'s signed double submit), so even the login form cannot be posted from another site. Both are HttpOnly,
 * SameSite=Strict, limited to the dashboard's path, and Secure when the installation is served
 * over https.
 */
final class Sessions {
    static final String SESSION_COOKIE = "klarefi_session";
    static final String LOGIN_COOKIE = "klarefi_login";
    /** What the login form's CSRF value is bound to: there is no session yet, only the form. */
    private static final String LOGIN_FORM = "console-login";

    private final Operators operators;
    private final boolean secure;
    private final Csrf loginForm;

    Sessions(Operators operators, boolean secure, byte[] loginFormKey) {
        this.operators = operators;
        this.secure = secure;
        this.loginForm = new Csrf(LOGIN_COOKIE, secure, loginFormKey);
    }

    Optional<OperatorSession> current(ServerRequest request) {
        return cookie(request, SESSION_COOKIE).flatMap(operators::session);
    }

    void start(ServerResponse response, String token) {
        response.headers()
                .addCookie(cookie(SESSION_COOKIE, token, Dashboard.PREFIX).build());
        loginForm.clear(response, Dashboard.PREFIX + "/login");
    }

    void end(ServerRequest request, ServerResponse response) {
        cookie(request, SESSION_COOKIE).ifPresent(operators::logOut);
        response.headers()
                .addCookie(cookie(SESSION_COOKIE, "", Dashboard.PREFIX)
                        .maxAge(Duration.ZERO)
                        .build());
    }

    /** A fresh token for the login form, also set as a cookie the form must match. */
    String loginToken(ServerResponse response) {
        return loginForm.issue(response, Dashboard.PREFIX + "/login", LOGIN_FORM);
    }

    void requireLoginToken(ServerRequest request, Form form) {
        require(loginForm.valid(
                request, LOGIN_FORM, form.value(Layout.CSRF_FIELD).orElse("")));
    }

    /** 403 unless the form carries the session's CSRF token. */
    static void requireCsrf(OperatorSession session, Form form) {
        require(Csrf.matches(session.csrfToken(), form.value(Layout.CSRF_FIELD).orElse("")));
    }

    private static void require(boolean matched) {
        if (!matched) {
            throw ApiException.authorization(
                    "csrf_token_invalid",
                    "The form has expired or did not come from this dashboard. Reload the page and try again.");
        }
    }

    private SetCookie.Builder cookie(String name, String value, String path) {
        return SetCookie.builder(name, value)
                .path(path)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT);
    }

    private static Optional<String> cookie(ServerRequest request, String name) {
        return request.headers().cookies().first(name).asOptional().filter(value -> !value.isBlank());
    }
}
