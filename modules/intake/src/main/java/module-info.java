/** Hosted intake sessions and the applicant's page. */
module com.klarefi.intake {
    requires transitive com.klarefi.platform;

    exports com.klarefi.intake.api;
}
