/** Documents: fetching, storing, text layers and the processing job. */
module com.klarefi.processing {
    requires transitive com.klarefi.platform;

    exports com.klarefi.processing.api;
}
