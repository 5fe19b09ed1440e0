package com.klarefi.webhooks.internal.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: for each secret,
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, separated by spaces.
 */
public final class Signatures {
    private Signatures() {}

    public static String header(List<SigningSecret> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    public static String sign(SigningSecret secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
