/** Cases, their features, candidates, evidence, decisions and event log. */
module com.klarefi.cases {
    requires transitive com.klarefi.platform;

    exports com.klarefi.cases.api;
}
