package com.klarefi.platform.net;

import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Answers the HTTP client's one lookup with the address the policy already checked, so a second
 * DNS answer (rebinding) cannot swap in another address. The address carries the host name, which
 * TLS uses for SNI and certificate hostname verification.
 */
public final class PinnedResolver implements DnsResolver {
    private final String host;
    private final InetAddress pinned;

    public PinnedResolver(String host, InetAddress checked) {
        this.host = host;
        try {
            this.pinned = InetAddress.getByAddress(host, checked.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of unexpected length", e);
        }
    }

    @Override
    public boolean useDefaultJavaResolver() {
        return false;
    }

    @Override
    public InetAddress resolveAddress(String hostname, DnsAddressLookup lookup) {
        if (!host.equalsIgnoreCase(unbracketed(hostname))) {
            throw new IllegalStateException("the client asked for a host that was not checked");
        }
        return pinned;
    }

    private static String unbracketed(String hostname) {
        return hostname.startsWith("[") && hostname.endsWith("]")
                ? hostname.substring(1, hostname.length() - 1)
                : hostname;
    }
}
