/** GDPR erasure of a document and everything derived from it, with an audit receipt. */
module com.klarefi.erasure {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.cases;
    requires transitive com.klarefi.processing;

    exports com.klarefi.erasure.api;

    // JobRunr instantiates and serialises job requests and handlers reflectively.
    opens com.klarefi.erasure.internal.jobs to
            org.jobrunr.core,
            com.fasterxml.jackson.databind;
}
