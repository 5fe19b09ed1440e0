package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private final SessionTokens tokens = new SessionTokens(key((byte) 1));

    @Test
    void aTokenOpensItsOwnSessionOnly() {
        String token = tokens.tokenFor("session-a");

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.matches("session-a", token)).isTrue();
        assertThat(tokens.matches("session-b", token)).isFalse();
    }

    @Test
    void aChangedMissingOrForeignTokenIsRefused() {
        String token = tokens.tokenFor("session-a");
        String changed = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertThat(tokens.matches("session-a", changed)).isFalse();
        assertThat(tokens.matches("session-a", token.substring(1))).isFalse();
        assertThat(tokens.matches("session-a", "")).isFalse();
        assertThat(tokens.matches("session-a", null)).isFalse();
        assertThat(new SessionTokens(key((byte) 2)).matches("session-a", token)).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new SessionTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
