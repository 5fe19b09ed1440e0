package com.klarefi.webhooks.internal.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing secrets at rest with AES-256-GCM under a key derived from the installation's
 * master secret. The endpoint id is bound as associated data, so a ciphertext copied onto another
 * endpoint's row does not decrypt.
 */
public final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public byte[] encrypt(String endpointId, SigningSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed =
                run(Cipher.ENCRYPT_MODE, nonce, endpointId, secret.text().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    public SigningSecret decrypt(String endpointId, byte[] stored) {
        byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new SigningSecret(
                new String(run(Cipher.DECRYPT_MODE, nonce, endpointId, sealed), StandardCharsets.UTF_8));
    }

    private byte[] run(int mode, byte[] nonce, String endpointId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook signing secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted")
                            + " (was KLAREFI_SECRET_KEY changed?)",
                    e);
        }
    }
}
