/** The operators' console: server-rendered pages on the admin listener, built on the other modules' apis. */
module com.klarefi.console {
    requires transitive com.klarefi.platform;
    requires transitive com.klarefi.auth;
    requires transitive com.klarefi.cases;
    requires transitive com.klarefi.processing;
    requires transitive com.klarefi.webhooks;
    requires transitive com.klarefi.erasure;

    exports com.klarefi.console.api;
}
