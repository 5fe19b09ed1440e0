package com.klarefi.webhooks.internal.delivery;

import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The {@code webhook.test} event a receiver gets when someone checks that it works; it carries no case. */
public final class TestEvent {
    private TestEvent() {}

    /** The signed body of a test event for the organisation's environment. */
    public static String body(String orgId, String environment, String messageId, Instant at) {
        return Outbox.body(
                new Outbox.Event(
                        orgId,
                        environment,
                        EventCatalogue.WEBHOOK_TEST,
                        messageId,
                        Optional.empty(),
                        Map.of("message", "This is a test event from Klarefi."),
                        at),
                "v1");
    }
}
