/** GDPR erasure of a document and everything derived from it, with an audit receipt. */
module com.klarefi.erasure {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.cases;
    requires transitive com.klarefi.processing;

    exports com.klarefi.erasure.api;
}
