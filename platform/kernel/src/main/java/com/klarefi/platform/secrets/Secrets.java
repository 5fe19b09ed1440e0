package com.klarefi.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance's master secret and the keys derived from it, one per purpose
 * (e.g. {@code "intake-session-signing"}, {@code "webhook-secret-encryption"}), so a key used for
 * one job can never be confused with another. Every instance of one installation must share the
 * master secret; in embedded mode it is generated once and kept in the data directory.
 */
public final class Secrets {
    public static final int MASTER_KEY_BYTES = 32;
    private final byte[] master;

    public Secrets(byte[] master) {
        if (master.length < MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("the master secret must have at least " + MASTER_KEY_BYTES + " bytes");
        }
        this.master = master.clone();
    }

    /** A 32-byte key for one purpose, derived with HMAC-SHA256 (the extract-less half of HKDF). */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("klarefi:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public static String randomBase64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }
}
