package com.klarefi.ratelimit.api;

/**
 * The limit that applies to one organisation.
 *
 * @param organisationId    the organisation
 * @param requestsPerMinute requests it may make per one-minute window
 * @param source            {@code "default"} (KLAREFI_RATE_LIMIT_PER_MINUTE) or {@code "organisation"}
 *                          (set for this organisation through the admin API)
 */
public record OrganisationRateLimit(String organisationId, int requestsPerMinute, String source) {
    public static final String DEFAULT = "default";
    public static final String ORGANISATION = "organisation";
}
