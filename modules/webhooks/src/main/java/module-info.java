/** Registered endpoints, event types and signed delivery with retries. */
module com.klarefi.webhooks {
    requires transitive com.klarefi.platform;

    exports com.klarefi.webhooks.api;
}
