/** Documents: fetching, storing, text layers and the processing job, which runs com.klarefi.extraction. */
module com.klarefi.processing {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.cases;
    // Page layers, case types and features appear in this module's api.
    requires transitive com.klarefi.extraction;
    requires io.helidon.webclient;
    requires org.apache.pdfbox;
    requires org.jsoup;
    // Runs the second recogniser that re-reads receipts' lines (LineReader).
    requires com.microsoft.onnxruntime;
    requires java.desktop;

    exports com.klarefi.processing.api;

    // JobRunr instantiates and serialises job requests and handlers reflectively.
    opens com.klarefi.processing.internal.jobs to
            org.jobrunr.core,
            com.fasterxml.jackson.databind;
}
