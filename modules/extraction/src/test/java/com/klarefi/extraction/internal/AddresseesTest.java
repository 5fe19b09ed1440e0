package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.document;
import static com.klarefi.extraction.internal.Pages.plainText;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.layout.PageLayout;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom a document is addressed to, read from the shape of its address block alone. */
class AddresseesTest {
    private static final PageLayer INVOICE = plainText("""
            Garage Het Anker
            Nijverheidsweg 35
            2621 MM Delft
            Tel. +31 40 945 6990

            Factuur
            Els de Boer
            Vondelstraat 79
            8930 VX Leeuwarden
            Factuurnummer 2022/6032
            """);

    @Test
    void theNameOverAnAddressBlockWithoutContactDetailsIsTheAddressee() {
        List<Match> names =
                Addressees.names(INVOICE.text(), PageLayout.of(INVOICE), new Recognisers().of(FeatureType.PERSON_NAME));
        assertThat(names).extracting(Match::normalized).containsExactly("Els de Boer");
    }

    @Test
    void ofTwoBlocksTheFirstIsThePublishersWhereOcrSetItsContactDetailsApart() {
        PageLayer scan = plainText("""
                Garage Het Anker

                Nijverheidsweg 35
                1221 MM Hilversum

                Factuur

                Thijs de Boer
                Molenweg 60
                6876 XN Arnhem

                Kenteken: xd-939-s
                """);
        List<Match> names =
                Addressees.names(scan.text(), PageLayout.of(scan), new Recognisers().of(FeatureType.PERSON_NAME));
        assertThat(names).extracting(Match::normalized).containsExactly("Thijs de Boer");
    }

    @Test
    void aRecipientsFeatureReadsTheAddresseeWithoutALabel() {
        var caseType = CaseTypes.parse("""
                {"id": "repair", "name": "Repair", "locales": ["nl"], "features": [
                  {"id": "customer", "type": "person_name", "role": "recipient", "labels": {"nl": ["Klant"]}}]}""");
        FeatureResult customer = Extractor.create()
                .extract(caseType, List.of(document("doc_a", INVOICE)))
                .feature("customer")
                .orElseThrow();
        assertThat(customer.candidates()).isNotEmpty();
        assertThat(customer.candidates().getFirst().valueNormalized()).isEqualTo("Els de Boer");
    }
}
