package com.klarefi.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF classifier over arbitrary addresses: an IPv4 address gets the same verdict in every IPv6
 * form that embeds it, and parsing a range accepts address literals only.
 */
class AddressPolicyFuzzTest {
    private final AddressPolicy policy = new AddressPolicy(List.of());

    @FuzzTest(maxDuration = "60s")
    void everyIpv6FormOfAnIpv4AddressGetsItsVerdict(FuzzedDataProvider data) throws UnknownHostException {
        byte[] ipv4 = data.consumeBytes(4);
        if (ipv4.length < 4) {
            return;
        }
        boolean refused = policy.refusal(InetAddress.getByAddress(ipv4)).isPresent();

        for (byte[] form : List.of(
                embedded(ipv4, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, 12),
                embedded(ipv4, new byte[] {0, 0x64, (byte) 0xFF, (byte) 0x9B}, 12),
                embedded(ipv4, new byte[] {0x20, 0x02}, 2))) {
            Optional<String> verdict = policy.refusal(InetAddress.getByAddress(form));
            assertThat(verdict.isPresent())
                    .as("verdict for an IPv6 form of %s", InetAddress.getByAddress(ipv4))
                    .isEqualTo(refused);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyAddressGetsAVerdictWithoutFailing(FuzzedDataProvider data) throws UnknownHostException {
        byte[] address = data.consumeBytes(data.consumeBoolean() ? 4 : 16);
        if (address.length != 4 && address.length != 16) {
            return;
        }
        assertThat(policy.refusal(InetAddress.getByAddress(address))).isNotNull();
    }

    @FuzzTest(maxDuration = "60s")
    void aRangeIsAnAddressLiteralOrRefused(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Cidr range;
        try {
            range = Cidr.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        String address = text.trim().split("/", 2)[0];
        int bits = address.contains(":") ? 128 : 32;
        assertThat(InetAddress.ofLiteral(address)).isNotNull();
        assertThat(range.prefixLength()).isBetween(0, bits);
    }

    private static byte[] embedded(byte[] ipv4, byte[] prefix, int at) {
        byte[] ipv6 = new byte[16];
        System.arraycopy(prefix, 0, ipv6, 0, prefix.length);
        System.arraycopy(ipv4, 0, ipv6, at, 4);
        return ipv6;
    }
}
