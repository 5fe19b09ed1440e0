package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Environment;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.db.WebhookStore;
import com.klarefi.webhooks.internal.delivery.DeliveryService;
import com.klarefi.webhooks.internal.delivery.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns every case event into deliveries inside the transaction that appends it (the outbox), and
 * sends their first attempts once it commits ({@link DeliveryService#sendFirstAttempts}). The event id is the message's {@code webhook-id}; the case's
 * event cursor is its {@code sequence}.
 */
final class CaseEventRelay implements CaseEventListener {
    private final Outbox outbox;
    private final DeliveryService deliveries;

    CaseEventRelay(Outbox outbox, DeliveryService deliveries) {
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    @Override
    public void onEvent(Tx tx, String orgId, Environment environment, LoggedCaseEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(event.payload());
        data.put("sequence", event.cursor());
        List<DispatchRef> refs = outbox.record(
                tx,
                new Outbox.Event(
                        orgId,
                        environment.wireName(),
                        event.eventType(),
                        event.eventId(),
                        Optional.of(event.cursor()),
                        data,
                        event.createdAt()),
                "");
        if (!refs.isEmpty()) {
            WebhookStore.afterCommit(tx, () -> deliveries.sendFirstAttempts(refs));
        }
    }
}
