/** Documents: fetching, storing, text layers, feature extraction and the processing job. */
module com.klarefi.processing {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.cases;
    requires io.helidon.webclient;
    requires org.apache.pdfbox;
    requires org.jsoup;
    requires java.desktop;
    requires org.iban4j;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports com.klarefi.processing.api;

    // JobRunr instantiates and serialises job requests and handlers reflectively.
    opens com.klarefi.processing.internal.jobs to org.jobrunr.core, com.fasterxml.jackson.databind;
}
