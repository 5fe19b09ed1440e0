package com.klarefi.platform.net;

import com.klarefi.platform.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF rule for every outgoing connection to a caller-supplied host (document URLs, webhook
 * endpoints): resolve once, refuse when any address of the host is refused (a host mixing public
 * and private answers is a rebinding attempt), and hand back the checked address to connect to,
 * pinned with {@link PinnedResolver}. Thread-safe.
 */
public final class AddressGuard {
    /** Address ranges the operator allows although the policy refuses them by default. */
    public static final String ALLOWED_CIDRS = "KLAREFI_FETCH_ALLOWED_CIDRS";

    private final AddressPolicy policy;
    private final HostResolver resolver;

    public AddressGuard(AddressPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The guard with the operator's allowed ranges and the system resolver. */
    public static AddressGuard from(Settings settings) {
        return new AddressGuard(
                new AddressPolicy(
                        allowedCidrs(settings).stream().map(Cidr::parse).toList()),
                HostResolver.system());
    }

    /** The ranges of {@value #ALLOWED_CIDRS}, comma-separated; empty when unset. */
    public static List<String> allowedCidrs(Settings settings) {
        return settings.optional(ALLOWED_CIDRS)
                .map(raw -> Arrays.stream(raw.split(","))
                        .map(String::trim)
                        .filter(cidr -> !cidr.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /**
     * The address to connect to for {@code host}.
     *
     * @throws UnknownHostException when the host does not resolve
     * @throws Refused              when an address of the host is in a refused range
     */
    public InetAddress check(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new Refused(refusal.get());
            }
        }
        return addresses.getFirst();
    }

    /** A host resolving to a refused address; {@link #rule()} names the range (loopback, private, ...). */
    public static final class Refused extends RuntimeException {
        private final String rule;

        Refused(String rule) {
            super(
                    "the host resolves to a " + rule + " address, which may not be connected to (rule " + rule
                            + "; an operator can allow a range with " + ALLOWED_CIDRS + ")",
                    null,
                    false,
                    false);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }
}
