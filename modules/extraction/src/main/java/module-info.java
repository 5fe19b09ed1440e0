/**
 * Feature extraction: recognisers, page layout, labels, scoring and decisions, case-type parsing
 * and the built-in case types. Pure computation on page layers: no database, HTTP or jobs.
 */
module com.klarefi.extraction {
    requires com.fasterxml.jackson.databind;
    requires org.iban4j;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;

    exports com.klarefi.extraction.api;
}
