package com.klarefi.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.api.WebClient;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PinnedClientsTest {
    private final AtomicInteger built = new AtomicInteger();
    private final PinnedClients clients = new PinnedClients(builder -> built.incrementAndGet());

    @Test
    void theSameHostAndAddressShareOneClient() throws Exception {
        InetAddress address = InetAddress.getByName("192.0.2.10");

        WebClient first = clients.client("receiver.example", address);
        WebClient again = clients.client("RECEIVER.example", address);

        assertThat(again).isSameAs(first);
        assertThat(built).hasValue(1);
    }

    @Test
    void anotherCheckedAddressForTheSameHostGetsAClientOfItsOwn() throws Exception {
        WebClient before = clients.client("receiver.example", InetAddress.getByName("192.0.2.10"));
        WebClient afterTheDnsChanged = clients.client("receiver.example", InetAddress.getByName("192.0.2.11"));

        assertThat(afterTheDnsChanged).isNotSameAs(before);
        assertThat(built).hasValue(2);
    }
}
