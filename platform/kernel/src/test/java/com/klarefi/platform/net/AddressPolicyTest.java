package com.klarefi.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    private final AddressPolicy policy = new AddressPolicy(List.of());

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "::1, loopback",
        "10.0.0.1, private",
        "10.255.255.255, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "fc00::1, private",
        "fd12:3456::1, private",
        "169.254.169.254, link-local",
        "169.254.0.1, link-local",
        "fe80::1, link-local",
        "febf::1, link-local",
        "100.64.0.1, cgnat",
        "100.127.255.255, cgnat",
        "224.0.0.1, multicast",
        "239.255.255.250, multicast",
        "ff02::1, multicast",
        "0.0.0.0, unspecified",
        "::, unspecified",
        "255.255.255.255, broadcast",
        "240.0.0.1, reserved"
    })
    void refusesEveryRangeThatReachesTheOwnMachineOrNetwork(String address, String rule) {
        assertThat(policy.refusal(literal(address))).contains(rule);
    }

    @ParameterizedTest
    @CsvSource({
        "::ffff:127.0.0.1, loopback", "::ffff:10.1.2.3, private", "::ffff:169.254.169.254, link-local",
        "::127.0.0.1, loopback", "::10.1.2.3, private", "::a9fe:a9fe, link-local",
        "64:ff9b::a9fe:a9fe, link-local", "2002:7f00:0001::, loopback", "2002:c0a8:0101::1, private"
    })
    void refusesIpv6FormsEmbeddingARefusedIpv4Address(String address, String rule) {
        assertThat(policy.refusal(ipv6(address))).contains(rule);
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.0.8, protocol-assignments",
        "192.0.2.10, documentation",
        "198.18.0.1, benchmarking",
        "198.19.255.254, benchmarking",
        "198.51.100.7, documentation",
        "203.0.113.99, documentation",
        "192.88.99.1, 6to4-relay",
        "192.31.196.1, as112",
        "192.52.193.1, amt",
        "192.175.48.1, as112",
        "2001:db8::1, documentation",
        "2001::1, protocol-assignments",
        "2001:2::1, protocol-assignments",
        "64:ff9b:1::a, translation",
        "100::1, discard",
        "3fff::1, documentation",
        "5f00::1, segment-routing",
        "2620:4f:8000::1, as112"
    })
    void refusesEverySpecialPurposeRangeOfTheIanaRegistries(String address, String rule) {
        assertThat(policy.refusal(literal(address))).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "172.32.0.1",
                "172.15.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "192.169.0.1",
                "2606:4700::6810:84e5",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8"
            })
    void allowsPublicAddresses(String address) {
        assertThat(policy.refusal(literal(address))).isEmpty();
    }

    @Test
    void allowsARefusedAddressInsideAnOperatorsAllowedRange() {
        AddressPolicy allowing = new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("10.20.0.0/16")));

        assertThat(allowing.refusal(literal("127.0.0.1"))).isEmpty();
        assertThat(allowing.refusal(literal("10.20.3.4"))).isEmpty();
        assertThat(allowing.refusal(ipv6("::ffff:127.0.0.1"))).isEmpty();
        assertThat(allowing.refusal(literal("10.21.0.1"))).contains("private");
        assertThat(allowing.refusal(literal("169.254.169.254"))).contains("link-local");
    }

    @Test
    void readsRangesAndSingleAddresses() {
        assertThat(Cidr.parse("10.0.0.0/8").contains(literal("10.9.8.7").getAddress()))
                .isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(literal("11.0.0.0").getAddress()))
                .isFalse();
        assertThat(Cidr.parse("172.16.0.0/12").contains(literal("172.31.0.1").getAddress()))
                .isTrue();
        assertThat(Cidr.parse("172.16.0.0/12").contains(literal("172.32.0.1").getAddress()))
                .isFalse();
        assertThat(Cidr.parse("192.0.2.7").contains(literal("192.0.2.7").getAddress()))
                .isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains(literal("192.0.2.8").getAddress()))
                .isFalse();
        assertThat(Cidr.parse("fe80::/10").contains(literal("fe80::1").getAddress()))
                .isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(literal("10.0.0.1").getAddress()))
                .isFalse();
        assertThat(Cidr.parse(" 0.0.0.0/0 ").contains(literal("8.8.8.8").getAddress()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "::/129", "10.0.0.0/x", "", "example.com/8", "10.0.0.0/-1"})
    void rejectsWhatIsNotAnAddressRange(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The JDK turns a mapped literal into an IPv4 address; build the IPv6 form from its bytes. */
    private static InetAddress ipv6(String address) {
        try {
            byte[] bytes = Optional.of(InetAddress.getByName(address).getAddress())
                    .filter(b -> b.length == 16)
                    .orElseGet(() -> mapped(address));
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] mapped(String address) {
        byte[] v4 = literal(address).getAddress();
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, bytes, 12, 4);
        return bytes;
    }
}
