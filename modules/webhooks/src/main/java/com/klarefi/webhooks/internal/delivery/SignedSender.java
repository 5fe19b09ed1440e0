package com.klarefi.webhooks.internal.delivery;

import com.klarefi.webhooks.internal.db.DeliveryRow;
import com.klarefi.webhooks.internal.db.EndpointRow;
import com.klarefi.webhooks.internal.signing.SecretCipher;
import com.klarefi.webhooks.internal.signing.Signatures;
import com.klarefi.webhooks.internal.signing.SigningSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs a body the Standard Webhooks way and posts it: {@code webhook-id} stays the same for every
 * attempt of a message, {@code webhook-timestamp} is this attempt's time and the signature covers
 * both, once per valid secret (two during a rotation).
 */
public final class SignedSender {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private final WebhookSender sender;
    private final EndpointRules rules;
    private final SecretCipher cipher;
    private final Clock clock;

    public SignedSender(WebhookSender sender, EndpointRules rules, SecretCipher cipher, Clock clock) {
        this.sender = sender;
        this.rules = rules;
        this.cipher = cipher;
        this.clock = clock;
    }

    SendResult send(EndpointRow endpoint, DeliveryRow delivery) {
        return send(endpoint, delivery.messageId(), delivery.payload());
    }

    /** Sends a message to a registered endpoint, signed with each of its valid secrets. */
    public SendResult send(EndpointRow endpoint, String messageId, String body) {
        List<SigningSecret> secrets = new ArrayList<>();
        secrets.add(cipher.decrypt(endpoint.id(), endpoint.secret()));
        if (endpoint.previousSecret().isPresent()
                && endpoint.previousSecretExpiresAt()
                        .filter(expires -> expires.isAfter(clock.instant()))
                        .isPresent()) {
            secrets.add(cipher.decrypt(endpoint.id(), endpoint.previousSecret().get()));
        }
        return send(endpoint.url(), endpoint.environment(), secrets, messageId, body);
    }

    public SendResult send(String url, String environment, List<SigningSecret> secrets, String messageId, String body) {
        Optional<EndpointRules.Refusal> refusal = rules.refusalToSend(url, environment);
        if (refusal.isPresent()) {
            return SendResult.failed(refusal.get().code(), refusal.get().message(), Duration.ZERO);
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, messageId);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(SIGNATURE_HEADER, Signatures.header(secrets, messageId, timestamp, body));
        return sender.post(EndpointUrl.parse(url).url().orElseThrow(), headers, body);
    }
}
