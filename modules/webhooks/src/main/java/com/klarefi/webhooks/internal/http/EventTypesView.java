package com.klarefi.webhooks.internal.http;

import com.klarefi.platform.http.Responses;
import com.klarefi.webhooks.internal.catalogue.EventCatalogue;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** The catalogue as served on both surfaces. */
final class EventTypesView {
    private EventTypesView() {}

    static void send(ServerResponse response, EventCatalogue catalogue) {
        Responses.ok(
                response,
                Map.of(
                        "event_types",
                        catalogue.all().stream().map(Views::eventType).toList()));
    }
}
