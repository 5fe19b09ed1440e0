package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.PageLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in receipt and nda case types read values that no label names. */
class ReceiptsAndContractsTest {
    private final Extractor extractor = Extractor.create();

    private static CaseType builtIn(String id) {
        return CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private ExtractionResult extract(String caseType, PageLayer page) {
        return extractor.extract(builtIn(caseType), List.of(new DocumentText("doc", List.of(page))));
    }

    private static List<String> bestGuesses(ExtractionResult result, String feature) {
        FeatureResult found = result.feature(feature).orElseThrow();
        assertThat(found.decision().outcome()).as(feature).isNotEqualTo(DecisionOutcome.MISSING);
        return found.selected().stream()
                .map(candidate -> candidate.valueNormalized())
                .toList();
    }

    @Test
    void readsTheIssuerOfAReceiptFromItsHeaderWithoutAnyLabel() {
        PageLayer receipt = plainTextWithCells("""
                OGN GROUP SDN BHD
                No.29M, Jalan Dinar G U3/G, Seksyen U3,
                Subang Perdana, 40150 Shah Alam
                Tel 013-336 3999

                Invoice No : 148852
                24/06/2018 4:37:37 PM
                Glass W/Flower 32.88
                Total Sales Inclusive GST 52.40
                TOTAL : 52.40
                Amount (RM)
                CASH 60.00
                Thank you. Please come again.""");
        ExtractionResult result = extract("receipt", receipt);
        assertThat(bestGuesses(result, "company")).containsExactly("OGN GROUP SDN BHD");
        assertThat(bestGuesses(result, "address"))
                .containsExactly("No.29M, Jalan Dinar G U3/G, Seksyen U3, Subang Perdana, 40150 Shah Alam");
        assertThat(bestGuesses(result, "date")).containsExactly("2018-06-24");
        assertThat(bestGuesses(result, "total")).containsExactly("MYR 52.40");
    }

    @Test
    void readsEveryPartyTheOpeningSentenceNamesAndTheGoverningLawsPlace() {
        PageLayer contract = plainTextWithCells("""
                MUTUAL CONFIDENTIALITY AGREEMENT
                This Mutual Confidentiality Agreement is effective as of February 10, 2017, between Kite Pharma,
                Inc., a Delaware corporation having a place of business in Santa Monica, and Gilead Sciences, Inc.,
                a Delaware corporation. The term of this Agreement is two (2) years from the Effective Date.
                This Agreement shall be governed by the laws of the State of New York without giving effect to
                its conflict of laws principles.""");
        ExtractionResult result = extract("nda", contract);
        assertThat(bestGuesses(result, "party")).containsExactlyInAnyOrder("Kite Pharma Inc.", "Gilead Sciences Inc.");
        assertThat(bestGuesses(result, "effective_date")).containsExactly("2017-02-10");
        assertThat(bestGuesses(result, "jurisdiction")).containsExactly("New York");
        assertThat(bestGuesses(result, "term")).containsExactly("2_years");
    }
}
