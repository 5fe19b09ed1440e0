package com.klarefi.platform.net;

import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.api.WebClientConfig;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * HTTP clients that resolve one host name to one checked address and nothing else
 * ({@link PinnedResolver}), kept per host and address. Building a client, with its TLS context,
 * cost a fetch or a webhook attempt about as much CPU as the request itself; a client holds no
 * connection between requests (callers configure it without keep-alive or a shared connection
 * cache), so reusing it changes nothing of what each request may reach. The cache is bounded; an
 * evicted client is simply built again.
 */
public final class PinnedClients {
    private static final int MAX_CLIENTS = 64;

    private final Consumer<WebClientConfig.Builder> configuration;
    private final Map<Pin, WebClient> clients = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pin, WebClient> eldest) {
            return size() > MAX_CLIENTS;
        }
    });

    /** {@code configuration}: everything of the client but its resolver; build a shared TLS into it once. */
    public PinnedClients(Consumer<WebClientConfig.Builder> configuration) {
        this.configuration = configuration;
    }

    /** The client whose only resolver answers {@code host} with {@code checked}. */
    public WebClient client(String host, InetAddress checked) {
        return clients.computeIfAbsent(new Pin(host.toLowerCase(Locale.ROOT), checked), pin -> {
            WebClientConfig.Builder builder = WebClient.builder();
            configuration.accept(builder);
            return builder.dnsResolver(new PinnedResolver(host, checked)).build();
        });
    }

    private record Pin(String host, InetAddress address) {}
}
