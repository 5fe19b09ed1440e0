package com.klarefi.platform.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * How this instance takes part in background work: whether it runs a job server (an instance may
 * serve only the API), with how many workers, and whether it serves JobRunr's dashboard.
 */
public record JobsSettings(boolean runServer, int workers, Duration pollInterval, String serverName,
                           boolean dashboard, int dashboardPort, String dashboardUser,
                           Optional<String> dashboardPassword) {
}
