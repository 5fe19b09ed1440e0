/** The composition root: builds the platform, wires every module and runs the servers. */
module com.klarefi.app {
    requires com.klarefi.platform;
    requires com.klarefi.auth;
    requires com.klarefi.ratelimit;
    requires com.klarefi.cases;
    requires com.klarefi.processing;
    requires com.klarefi.webhooks;
    requires com.klarefi.erasure;
    requires com.klarefi.intake;
    requires com.klarefi.console;
    requires java.logging;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
}
