package com.klarefi.platform.web;

import com.klarefi.platform.secrets.Secrets;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protection of a page's forms against posts from other sites. A form repeats a secret value the
 * page was given; the post counts only when the value it carries equals the one expected,
 * compared in constant time. The expected value is either kept on the server (a signed-in
 * session's token, {@link #matches}) or, before there is such a session, derived from a random
 * value in a cookie that only our own pages' requests carry ({@code SameSite=Strict},
 * {@code HttpOnly}): signed double submit. The form's value is that cookie's value signed with a
 * server key and bound to what the form acts on (the session it posts to), so a cookie and field
 * pair made up elsewhere, or taken from another session's page, does not match.
 */
public final class Csrf {
    /** The header a page's script sends the value in, where a form field does not fit (uploads). */
    public static final String HEADER = "X-CSRF-Token";

    private static final int TOKEN_LENGTH = 43;

    private final String cookieName;
    private final boolean secureCookies;
    private final byte[] signingKey;

    /**
     * Double submit through the cookie {@code cookieName}, its form values signed with
     * {@code signingKey} (a key of this purpose only); {@code Secure} when the pages are served over https.
     */
    public Csrf(String cookieName, boolean secureCookies, byte[] signingKey) {
        if (signingKey.length < 32) {
            throw new IllegalArgumentException("a CSRF signing key needs at least 32 bytes");
        }
        this.cookieName = cookieName;
        this.secureCookies = secureCookies;
        this.signingKey = signingKey.clone();
    }

    /** 32 random bytes, base64url without padding. */
    public static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(32));
    }

    /** Whether {@code submitted} is the expected value; nothing matches an empty or missing value. */
    public static boolean matches(String expected, String submitted) {
        return expected != null
                && submitted != null
                && !expected.isEmpty()
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The form value for this browser and {@code binding}: from the request's cookie if it has a
     * well-formed one, otherwise from a fresh one set for {@code path}.
     */
    public String ensure(ServerRequest request, ServerResponse response, String path, String binding) {
        String cookie = cookie(request)
                .filter(value -> value.length() == TOKEN_LENGTH)
                .orElseGet(() -> setCookie(response, path));
        return sign(cookie, binding);
    }

    /** A fresh cookie for {@code path}, and the form value that goes with it for {@code binding}. */
    public String issue(ServerResponse response, String path, String binding) {
        return sign(setCookie(response, path), binding);
    }

    private String setCookie(ServerResponse response, String path) {
        String value = newToken();
        response.headers().addCookie(cookie(value, path).build());
        return value;
    }

    /** Removes the cookie for {@code path}, once the form it protected has done its work. */
    public void clear(ServerResponse response, String path) {
        response.headers().addCookie(cookie("", path).maxAge(Duration.ZERO).build());
    }

    /** Whether a post for {@code binding} carries the value that belongs to its cookie. */
    public boolean valid(ServerRequest request, String binding, String submitted) {
        return cookie(request)
                .filter(value -> value.length() == TOKEN_LENGTH)
                .map(value -> matches(sign(value, binding), submitted))
                .orElse(false);
    }

    private String sign(String cookieValue, String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(cookieValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private SetCookie.Builder cookie(String value, String path) {
        return SetCookie.builder(cookieName, value)
                .path(path)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(SetCookie.SameSite.STRICT);
    }

    private Optional<String> cookie(ServerRequest request) {
        return request.headers().cookies().first(cookieName).asOptional().filter(value -> !value.isBlank());
    }
}
