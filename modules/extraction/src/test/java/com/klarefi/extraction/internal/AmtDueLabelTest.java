package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.layout.PageLayout;
import org.junit.jupiter.api.Test;

/** "Amt", a receipt's "amount" without its dot: "Amt Due" labels the amount due, as "Amt. Due" does. */
class AmtDueLabelTest {
    @Test
    void amtWithoutItsDotStandsForAmount() {
        PageLayer receipt = plainTextWithCells("""
                Sub Total 129.30
                Amt Due 129.30
                """);
        var receiptType = CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals("receipt"))
                .findFirst()
                .orElseThrow();

        var due = new LabelFinder(receiptType)
                .find(PageLayout.of(receipt)).stream()
                        .filter(hit ->
                                receipt.text().substring(hit.start(), hit.end()).equals("Amt Due"))
                        .findFirst()
                        .orElseThrow();

        assertThat(due.context()).isFalse();
        assertThat(due.similarities()).containsKey("total");
    }
}
