package com.klarefi.webhooks.internal.delivery;

import com.klarefi.webhooks.internal.db.DispatchRef;
import java.util.List;

/** Where deliveries go to be sent: JobRunr in the product, a recording fake in tests. */
public interface DeliveryQueue {
    /** Hands each delivery to a job due at its {@code at}; safe to repeat for the same reference. */
    void dispatch(List<DispatchRef> refs);

    /** Sends the endpoint's pending deliveries oldest first, in one job. */
    void drain(String endpointId);

    /** What became of the job for a reference. */
    JobFate fate(DispatchRef ref);

    enum JobFate {
        /** No such job: the process stopped between commit and enqueue, or the job was deleted. */
        MISSING,
        /** Waiting or running. */
        ALIVE,
        /** Finished or given up without the delivery moving on: it needs a new job. */
        ENDED
    }
}
