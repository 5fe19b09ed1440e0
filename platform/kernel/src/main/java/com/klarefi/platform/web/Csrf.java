package com.klarefi.platform.web;

import com.klarefi.platform.secrets.Secrets;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Protection of a page's forms against posts from other sites. A form repeats a secret value the
 * page was given; the post counts only when the value it carries equals the one expected,
 * compared in constant time. The expected value is either kept on the server (a signed-in
 * session's token, {@link #matches}) or, before there is such a session, in a cookie that only our
 * own pages' requests carry ({@code SameSite=Strict}, {@code HttpOnly}): double submit. Another
 * site can make the browser post, but cannot read or set the cookie to match.
 */
public final class Csrf {
    /** The header a page's script sends the value in, where a form field does not fit (uploads). */
    public static final String HEADER = "X-CSRF-Token";
    private static final int TOKEN_LENGTH = 43;

    private final String cookieName;
    private final boolean secureCookies;

    /** Double submit through the cookie {@code cookieName}; {@code Secure} when the pages are served over https. */
    public Csrf(String cookieName, boolean secureCookies) {
        this.cookieName = cookieName;
        this.secureCookies = secureCookies;
    }

    /** 32 random bytes, base64url without padding. */
    public static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(32));
    }

    /** Whether {@code submitted} is the expected value; nothing matches an empty or missing value. */
    public static boolean matches(String expected, String submitted) {
        return expected != null && submitted != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The request's cookie value if it has a well-formed one, otherwise a fresh one set for {@code path}. */
    public String ensure(ServerRequest request, ServerResponse response, String path) {
        Optional<String> existing = cookie(request).filter(value -> value.length() == TOKEN_LENGTH);
        return existing.orElseGet(() -> issue(response, path));
    }

    /** A fresh value, set as the cookie for {@code path}. */
    public String issue(ServerResponse response, String path) {
        String value = newToken();
        response.headers().addCookie(cookie(value, path).build());
        return value;
    }

    /** Removes the cookie for {@code path}, once the form it protected has done its work. */
    public void clear(ServerResponse response, String path) {
        response.headers().addCookie(cookie("", path).maxAge(Duration.ZERO).build());
    }

    /** Whether a post carries the value of its cookie. */
    public boolean valid(ServerRequest request, String submitted) {
        return matches(cookie(request).orElse(""), submitted);
    }

    private SetCookie.Builder cookie(String value, String path) {
        return SetCookie.builder(cookieName, value).path(path).httpOnly(true).secure(secureCookies)
                .sameSite(SetCookie.SameSite.STRICT);
    }

    private Optional<String> cookie(ServerRequest request) {
        return request.headers().cookies().first(cookieName).asOptional().filter(value -> !value.isBlank());
    }
}
