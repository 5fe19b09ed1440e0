/** Organisations, API keys and test/live environments. */
module com.klarefi.auth {
    requires transitive com.klarefi.platform;

    exports com.klarefi.auth.api;
}
