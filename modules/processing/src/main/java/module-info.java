/** Documents: fetching, storing, text layers, feature extraction and the processing job. */
module com.klarefi.processing {
    requires transitive com.klarefi.platform;
    requires org.iban4j;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports com.klarefi.processing.api;
}
