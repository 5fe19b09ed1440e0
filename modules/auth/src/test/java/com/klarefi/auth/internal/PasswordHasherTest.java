package com.klarefi.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesItsHashAndAnyOtherDoesNot() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", stored)).isFalse();
        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void theStoredFormNamesItsAlgorithmAndIterationsAndNeverThePassword() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(stored).startsWith("pbkdf2_sha256$1000$").doesNotContain("correct");
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void everyHashGetsItsOwnSalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void aHashMadeWithAnotherIterationCountStillVerifies() {
        String older = new PasswordHasher(500).hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", older)).isTrue();
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "md5$1$abc$def")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2_sha256$many$abc$def")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2_sha256$1000$!!!$???")).isFalse();
    }

    @Test
    void theProductUsesTheRecommendedIterationCount() {
        assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }
}
