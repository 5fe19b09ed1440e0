/** Hosted intake sessions and the applicant's page. */
module com.klarefi.intake {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.auth;
    requires transitive com.klarefi.cases;
    requires transitive com.klarefi.processing;

    exports com.klarefi.intake.api;

    // JobRunr instantiates and serialises job requests and handlers reflectively.
    opens com.klarefi.intake.internal.jobs to
            org.jobrunr.core,
            com.fasterxml.jackson.databind;
}
