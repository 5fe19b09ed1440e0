package com.klarefi.intake.internal.page;

import com.klarefi.platform.secrets.Secrets;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Double-submit protection for the page's forms: the page sets a random value in a cookie that
 * only our own pages' requests carry ({@code SameSite=Strict}, {@code HttpOnly}) and writes the same
 * value into every form; a POST counts only when both are present and equal. Another site can make
 * the browser post, but cannot read or set the cookie to match.
 */
final class Csrf {
    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final String COOKIE = "klarefi_intake_csrf";

    private final boolean secureCookies;

    Csrf(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The request's value if it has a well-formed one, otherwise a fresh one set on the response. */
    String ensure(ServerRequest request, ServerResponse response, String sessionId) {
        Optional<String> existing = cookie(request).filter(value -> value.length() == 43);
        if (existing.isPresent()) {
            return existing.get();
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(32));
        response.header(HeaderNames.SET_COOKIE, COOKIE + "=" + value + "; Path=/s/" + sessionId
                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        return value;
    }

    boolean valid(ServerRequest request, String submitted) {
        Optional<String> cookie = cookie(request);
        return cookie.isPresent() && submitted != null && !submitted.isEmpty()
                && MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cookie(ServerRequest request) {
        return request.headers().cookies().first(COOKIE).asOptional();
    }
}
