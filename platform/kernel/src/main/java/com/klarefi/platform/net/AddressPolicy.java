package com.klarefi.platform.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a resolved address may be connected to (document fetching, webhook delivery).
 * Refuses every IANA special-purpose range ({@code special-purpose-addresses.tsv}, with its
 * sources): those that reach the installation's own machine or network (loopback, private,
 * link-local with cloud metadata, CGNAT) and those no document lives at (documentation,
 * benchmarking, protocol assignments), also when written as an IPv6 form embedding an IPv4
 * address, unless the operator allowed the range explicitly.
 */
public final class AddressPolicy {
    private static final String RANGES = "special-purpose-addresses.tsv";
    private static final List<Rule> RULES = readRules();
    private static final List<Rule> IPV4_RULES =
            RULES.stream().filter(rule -> rule.range().isIpv4()).toList();
    private static final List<Rule> IPV6_RULES =
            RULES.stream().filter(rule -> !rule.range().isIpv4()).toList();
    /** IPv6 forms carrying an IPv4 address in their last four bytes: mapped, compatible, NAT64. */
    private static final List<Cidr> IPV4_IN_LAST_BYTES =
            List.of(Cidr.parse("::ffff:0:0/96"), Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96"));
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
        return rules.stream()
                .filter(rule -> rule.range().contains(effective))
                .map(Rule::name)
                .findFirst();
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

    /** The refused ranges, kept as data with the registry they come from beside them. */
    private static List<Rule> readRules() {
        try (InputStream in = AddressPolicy.class.getResourceAsStream(RANGES)) {
            if (in == null) {
                throw new IllegalStateException(RANGES + " is missing from the artifact");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(fields -> new Rule(Cidr.parse(fields[0]), fields[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RANGES, e);
        }
    }

    private record Rule(Cidr range, String name) {}
}
