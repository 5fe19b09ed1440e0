/** Registered endpoints, versioned event types and signed delivery with retries. */
module com.klarefi.webhooks {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.cases;
    requires io.helidon.webclient;

    exports com.klarefi.webhooks.api;

    // JobRunr instantiates and serialises job requests and handlers reflectively.
    opens com.klarefi.webhooks.internal.jobs to
            org.jobrunr.core,
            com.fasterxml.jackson.databind;
}
