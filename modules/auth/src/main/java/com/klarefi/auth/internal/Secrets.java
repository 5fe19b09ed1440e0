package com.klarefi.auth.internal;

import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys and admin tokens: how they look, how they are made and how they are hashed. 40 base62
 * characters carry about 238 random bits, so a fast SHA-256 is the right hash (like a session
 * token, not a password): brute force is hopeless and lookups stay cheap.
 */
final class Secrets {
    static final int RANDOM_CHARACTERS = 40;
    static final String ADMIN_PREFIX = "klarefi_admin_";
    private static final Pattern API_KEY = Pattern.compile("sk_(test|live)_([0-9A-Za-z]{" + RANDOM_CHARACTERS + "})");

    private Secrets() {}

    static String newApiKey(Environment environment) {
        return "sk_" + environment.wireName() + "_" + Ids.randomToken(RANDOM_CHARACTERS);
    }

    static String newAdminToken() {
        return ADMIN_PREFIX + Ids.randomToken(RANDOM_CHARACTERS);
    }

    /** The environment a well-formed key names, or empty when the text cannot be a key of ours. */
    static Optional<Environment> environmentOf(String key) {
        Matcher matcher = API_KEY.matcher(key);
        return matcher.matches() ? Environment.fromWire(matcher.group(1)) : Optional.empty();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    static String last4(String secret) {
        return secret.substring(secret.length() - 4);
    }
}
