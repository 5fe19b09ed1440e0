package com.klarefi.intake.internal.jobs;

import com.klarefi.intake.internal.sessions.Sessions;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Expires sessions in the background, so {@code session.expired} reaches the case's event log (and
 * webhooks) even when nobody opens the link again. The page and the API already treat a session
 * past its expiry as expired before this runs.
 */
public final class ExpireSessionsHandler implements JobRequestHandler<ExpireSessions> {
    private final Sessions sessions;

    public ExpireSessionsHandler(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void run(ExpireSessions request) {
        sessions.expireDue();
    }
}
