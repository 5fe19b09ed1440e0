package com.klarefi.platform.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a resolved address may be connected to (document fetching, webhook delivery). Refuses every range that reaches the
 * installation's own machine or network (loopback, private, link-local with cloud metadata, CGNAT,
 * multicast, unspecified, broadcast), also when written as an IPv6 form embedding an IPv4 address,
 * unless the operator allowed the range explicitly.
 */
public final class AddressPolicy {
    private static final List<Rule> IPV4_RULES = List.of(
            rule("0.0.0.0/8", "unspecified"),
            rule("127.0.0.0/8", "loopback"),
            rule("10.0.0.0/8", "private"),
            rule("172.16.0.0/12", "private"),
            rule("192.168.0.0/16", "private"),
            rule("169.254.0.0/16", "link-local"),
            rule("100.64.0.0/10", "cgnat"),
            rule("224.0.0.0/4", "multicast"),
            rule("255.255.255.255/32", "broadcast"),
            rule("240.0.0.0/4", "reserved"));
    private static final List<Rule> IPV6_RULES = List.of(
            rule("::/128", "unspecified"),
            rule("::1/128", "loopback"),
            rule("fc00::/7", "private"),
            rule("fec0::/10", "private"),
            rule("fe80::/10", "link-local"),
            rule("ff00::/8", "multicast"));
    /** IPv6 forms carrying an IPv4 address in their last four bytes: mapped, compatible, NAT64. */
    private static final List<Cidr> IPV4_IN_LAST_BYTES = List.of(
            Cidr.parse("::ffff:0:0/96"), Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96"));
    /** 6to4 carries the IPv4 address in bytes 2..5. */
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The name of the rule refusing {@code address}, or empty when it may be fetched from. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] effective = embeddedIpv4(bytes).orElse(bytes);
        if (allowed.stream().anyMatch(range -> range.contains(bytes) || range.contains(effective))) {
            return Optional.empty();
        }
        List<Rule> rules = effective.length == 4 ? IPV4_RULES : IPV6_RULES;
        return rules.stream().filter(rule -> rule.range().contains(effective)).map(Rule::name).findFirst();
    }

    private static Optional<byte[]> embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return Optional.empty();
        }
        // :: and ::1 are IPv6's own unspecified and loopback, not IPv4-compatible forms.
        if (Cidr.parse("::/127").contains(bytes)) {
            return Optional.empty();
        }
        if (IPV4_IN_LAST_BYTES.stream().anyMatch(range -> range.contains(bytes))) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
        }
        return Optional.empty();
    }

    private static Rule rule(String cidr, String name) {
        return new Rule(Cidr.parse(cidr), name);
    }

    private record Rule(Cidr range, String name) {
    }
}
