/** GDPR erasure of a document and everything derived from it, with an audit receipt. */
module com.klarefi.erasure {
    requires transitive com.klarefi.platform;

    exports com.klarefi.erasure.api;
}
