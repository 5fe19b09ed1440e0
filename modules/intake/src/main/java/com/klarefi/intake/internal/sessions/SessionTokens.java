package com.klarefi.intake.internal.sessions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a session's signed URL: an HMAC-SHA256 of the session id under a key derived for
 * this purpose only, so it cannot be guessed, belongs to exactly one session, and needs no storage.
 * Whether the session still accepts it (open, not expired) is the session's business.
 */
public final class SessionTokens {
    public static final String KEY_PURPOSE = "intake-session-signing";
    private final SecretKeySpec key;

    public SessionTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String tokenFor(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("session:" + sessionId));
    }

    /** Constant-time comparison, so response times tell nothing about how much of a token was right. */
    public boolean matches(String sessionId, String token) {
        if (token == null || sessionId == null) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenFor(sessionId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
