/** Per-organisation rate limits that hold across instances. */
module com.klarefi.ratelimit {
    requires transitive com.klarefi.platform;

    exports com.klarefi.ratelimit.api;
}
