package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.layout.PageLayout;
import org.junit.jupiter.api.Test;

/** "Nett", the British spelling of "net": a receipt's "Nett Total" labels its total, as "Net Total" does. */
class NettTotalLabelTest {
    @Test
    void aNettTotalLabelsTheTotal() {
        PageLayer receipt = plainTextWithCells("""
                Total Amount: RM7.72
                GST @0%: RM0.00
                Rounding: -RM0.02

                Nett Total: RM7.70
                """);
        var receiptType = CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals("receipt"))
                .findFirst()
                .orElseThrow();

        var nett = new LabelFinder(receiptType)
                .find(PageLayout.of(receipt)).stream()
                        .filter(hit ->
                                receipt.text().substring(hit.start(), hit.end()).equals("Nett Total"))
                        .findFirst()
                        .orElseThrow();

        assertThat(nett.context()).isFalse();
        assertThat(nett.similarities()).containsKey("total");
    }
}
