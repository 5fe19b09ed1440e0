package com.klarefi.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericHostsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2130706433",
                "0x7f000001",
                "0x7f.0.0.1",
                "0177.0.0.1",
                "017700000001",
                "127.1",
                "127.0.1",
                "0",
                "127.0.0.01",
                "0X7F.1",
                "169.254.43518",
                "127.0.0.1.",
                "256.0.0.1"
            })
    void refusesIpv4AddressesNotWrittenAsFourDecimalNumbers(String host) {
        assertThat(NumericHosts.isAmbiguous(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.1",
                "192.0.2.10",
                "0.0.0.0",
                "255.255.255.255",
                "docs.example.com",
                "cafe",
                "0x7f.example.com",
                "::1",
                "::ffff:127.0.0.1",
                "1.2.3.4.5",
                "a.1"
            })
    void leavesDottedDecimalAddressesNamesAndIpv6ToTheAddressRules(String host) {
        assertThat(NumericHosts.isAmbiguous(host)).isFalse();
    }
}
