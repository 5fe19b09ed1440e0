package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.layout.LabelHit;
import com.klarefi.extraction.internal.layout.PageLayout;
import org.junit.jupiter.api.Test;

/** Spellings of a receipt's total that its built-in labels do not print but mean. */
class ReceiptTotalLabelsTest {
    /** "Nett", the British spelling of "net": "Nett Total" labels the total, as "Net Total" does. */
    @Test
    void aNettTotalLabelsTheTotal() {
        LabelHit nett = hit("""
                Total Amount: RM7.72
                GST @0%: RM0.00
                Rounding: -RM0.02

                Nett Total: RM7.70
                """, "Nett Total");

        assertThat(nett.context()).isFalse();
        assertThat(nett.similarities()).containsKey("total");
    }

    /** "Amt", "amount" without its dot: "Amt Due" labels the amount due, as "Amt. Due" does. */
    @Test
    void amtWithoutItsDotStandsForAmount() {
        LabelHit due = hit("""
                Sub Total 129.30
                Amt Due 129.30
                """, "Amt Due");

        assertThat(due.context()).isFalse();
        assertThat(due.similarities()).containsKey("total");
    }

    /** The label the built-in receipt case type finds on a receipt's text where it prints the given words. */
    private static LabelHit hit(String text, String words) {
        PageLayer receipt = plainTextWithCells(text);
        var receiptType = CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals("receipt"))
                .findFirst()
                .orElseThrow();
        return new LabelFinder(receiptType)
                .find(PageLayout.of(receipt)).stream()
                        .filter(hit ->
                                receipt.text().substring(hit.start(), hit.end()).equals(words))
                        .findFirst()
                        .orElseThrow();
    }
}
