/** Documents: fetching, storing, text layers and the processing job. */
module com.klarefi.processing {
    requires transitive com.klarefi.platform;
    requires io.helidon.webclient;
    requires org.apache.pdfbox;
    requires java.desktop;

    exports com.klarefi.processing.api;
}
