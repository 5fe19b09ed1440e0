package com.klarefi.webhooks.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.standardwebhooks.Webhook;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook signatures over arbitrary secrets, ids and bodies: a caller-supplied secret either parses
 * to a usable key or is refused, and whatever is signed verifies with the independent Standard
 * Webhooks library, under every secret in the header.
 */
class SignaturesFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anySecretTextParsesToAUsableKeyOrIsRefused(FuzzedDataProvider data) {
        Optional<SigningSecret> secret = SigningSecret.parse(data.consumeRemainingAsString());

        secret.ifPresent(parsed -> {
            assertThat(parsed.key()).isNotEmpty();
            assertThat(parsed.text()).startsWith(SigningSecret.PREFIX);
            assertThat(SigningSecret.parse(parsed.text())).contains(parsed);
        });
    }

    @FuzzTest(maxDuration = "60s")
    void whateverIsSignedVerifiesIndependentlyUnderEverySecret(FuzzedDataProvider data) throws Exception {
        List<SigningSecret> secrets = List.of(secret(data), secret(data));
        String messageId = "evt_" + data.consumeAsciiString(40).replaceAll("[^A-Za-z0-9_-]", "");
        String body = data.consumeRemainingAsString();
        long timestamp = Instant.now().getEpochSecond();

        String header = Signatures.header(secrets, messageId, timestamp, body);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(signature -> {
            assertThat(signature).startsWith("v1,");
            assertThat(Base64.getDecoder().decode(signature.substring(3))).hasSize(32);
        });
        HttpHeaders headers = HttpHeaders.of(
                Map.of(
                        "webhook-id",
                        List.of(messageId),
                        "webhook-timestamp",
                        List.of(Long.toString(timestamp)),
                        "webhook-signature",
                        List.of(header)),
                (name, value) -> true);
        for (SigningSecret secret : secrets) {
            new Webhook(secret.text()).verify(body, headers);
        }
    }

    private static SigningSecret secret(FuzzedDataProvider data) {
        byte[] key = data.consumeBytes(64);
        return SigningSecret.parse(SigningSecret.PREFIX
                        + Base64.getEncoder().encodeToString(key.length == 0 ? new byte[] {1} : key))
                .orElseThrow();
    }
}
