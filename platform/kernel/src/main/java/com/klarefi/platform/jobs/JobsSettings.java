package com.klarefi.platform.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * How this instance takes part in background work: whether it runs a job server (an instance may
 * serve only the API), with how many workers, and whether it serves JobRunr's dashboard, on which
 * address (the admin host) and port.
 */
public record JobsSettings(
        boolean runServer,
        int workers,
        Duration pollInterval,
        String serverName,
        boolean dashboard,
        String dashboardHost,
        int dashboardPort,
        String dashboardUser,
        Optional<String> dashboardPassword) {
    /** Settings whose dashboard, if any, listens on loopback only. */
    public JobsSettings(
            boolean runServer,
            int workers,
            Duration pollInterval,
            String serverName,
            boolean dashboard,
            int dashboardPort,
            String dashboardUser,
            Optional<String> dashboardPassword) {
        this(
                runServer,
                workers,
                pollInterval,
                serverName,
                dashboard,
                "127.0.0.1",
                dashboardPort,
                dashboardUser,
                dashboardPassword);
    }
}
