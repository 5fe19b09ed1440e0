package com.klarefi.ratelimit.internal.limiter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeasePolicyTest {
    private final LeasePolicy policy = LeasePolicy.standard();

    @Test
    void leasesAQuarterOfWhatIsLeft() {
        assertThat(policy.blockFor(100)).isEqualTo(25);
        assertThat(policy.blockFor(75)).isEqualTo(18);
    }

    @Test
    void shrinksToSinglePermitsAsTheWindowRunsOut() {
        assertThat(policy.blockFor(7)).isEqualTo(1);
        assertThat(policy.blockFor(1)).isEqualTo(1);
        assertThat(policy.blockFor(0)).isZero();
    }

    @Test
    void neverLeasesMoreThanTheLargestBlock() {
        assertThat(policy.blockFor(1_000_000)).isEqualTo(policy.maxBlock());
    }
}
