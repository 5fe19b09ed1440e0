package com.klarefi.webhooks.internal.signing;

import com.klarefi.platform.secrets.Secrets;
import java.util.Base64;
import java.util.Optional;

/**
 * A signing secret as customers see it: {@code whsec_} and the base64 of the key bytes (the
 * Standard Webhooks form). The text is what is encrypted at rest and shown on creation and reveal.
 */
public record SigningSecret(String text) {
    public static final String PREFIX = "whsec_";
    /** 32 bytes: above the 24 the issue asks for and the Standard Webhooks minimum. */
    static final int GENERATED_BYTES = 32;

    public static SigningSecret generate() {
        return new SigningSecret(PREFIX + Secrets.randomBase64(GENERATED_BYTES));
    }

    /** A caller-supplied secret: {@code whsec_} and base64 of at least one byte, nothing around it; else empty. */
    public static Optional<SigningSecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String encoded = text.substring(PREFIX.length());
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            return key.length == 0 ? Optional.empty() : Optional.of(new SigningSecret(PREFIX + encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
