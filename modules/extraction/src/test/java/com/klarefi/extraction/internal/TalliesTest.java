package com.klarefi.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.internal.recognise.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TalliesTest {
    private static final Pattern AMOUNT = Pattern.compile("(?<![-\\d])\\d+\\.\\d{2}");

    /**
     * Every two-decimal number of the text as an amount alone, as the recogniser reads a column of
     * them: one printed with a minus is none.
     */
    private static List<Match> amounts(String text) {
        List<Match> amounts = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            amounts.add(new Match(matcher.start(), matcher.end(), matcher.group(), 0.8));
        }
        return amounts;
    }

    private static boolean tallied(String text, String line) {
        int start = text.indexOf(line);
        Matcher matcher = AMOUNT.matcher(line);
        int at = -1;
        while (matcher.find()) {
            at = start + matcher.start();
        }
        return Tallies.of(text, amounts(text)).contains(at);
    }

    @Test
    void theItemsAboveAddUpToTheTotal() {
        String text = """
                Glue 2.40
                Notebook 8.60
                Total incl. of GST 11.00
                GST 0.62""";

        assertThat(tallied(text, "Total incl. of GST 11.00")).isTrue();
        assertThat(tallied(text, "GST 0.62")).isFalse();
        assertThat(tallied(text, "Notebook 8.60")).isFalse();
    }

    @Test
    void aUnitPriceIsNoTermAndANoughtIsSkipped() {
        String text = """
                2 x 4.45 8.90
                Discount 0.00
                Tax 0.53
                Total 9.43""";

        assertThat(tallied(text, "Total 9.43")).isTrue();
    }

    @Test
    void theCashTenderedLessTheChangeSettlesTheTotal() {
        String text = """
                Sub total 8.90
                Tax 0.53
                Total 9.45
                Cash 10.00
                Change 0.55""";

        assertThat(tallied(text, "Total 9.45")).isTrue();
        assertThat(tallied(text, "Tax 0.53")).isFalse();
        assertThat(tallied(text, "Cash 10.00")).isFalse();
    }

    @Test
    void theChangeLessAnAmountBelowItIsNoPayment() {
        // 0.55 - 0.53 = 0.02: the payment is the first larger amount below, 9.45, which 10.00 does not settle
        String text = """
                Rounding 0.02
                Total 9.45
                Cash 10.00
                Change 0.55
                GST 0.53""";

        assertThat(tallied(text, "Rounding 0.02")).isFalse();
        assertThat(tallied(text, "Total 9.45")).isTrue();
    }

    @Test
    void aTotalRoundedForCashIsTheTotalAndTheAmountItWasRoundedFromIsNot() {
        String text = """
                Soup 9.90
                Tea 1.52
                Total incl. tax 11.42
                Rounding adj. 0.02
                TOTAL 11.40
                Cash 11.40
                Change 0.00""";

        assertThat(tallied(text, "TOTAL 11.40")).isTrue();
        assertThat(tallied(text, "Total incl. tax 11.42")).isFalse();
        assertThat(tallied(text, "Rounding adj. 0.02")).isFalse();
    }

    @Test
    void aRoundingWithATaxOfNoughtBetweenStillMakesTheRoundedAmountTheTotal() {
        String text = """
                Bread 2.54
                Milk 5.18
                Total Amount 7.72
                GST @0% 0.00
                Rounding 0.02
                Nett Total 7.70
                Card 7.70""";

        assertThat(tallied(text, "Nett Total 7.70")).isTrue();
        assertThat(tallied(text, "Total Amount 7.72")).isFalse();
    }

    @Test
    void aRoundingPrintedWithItsMinusMakesTheRoundedAmountTheTotal() {
        String text = """
                Soup 9.90
                Tea 1.52
                Total (Inclusive of GST): 11.42
                Rounding Adj: -0.02
                TOTAL: 11.40""";

        assertThat(tallied(text, "TOTAL: 11.40")).isTrue();
        assertThat(tallied(text, "Total (Inclusive of GST): 11.42")).isFalse();
    }

    @Test
    void aRoundingWithItsMinusAndCurrencyAfterATaxOfNought() {
        String text = """
                Bread 2.54
                Milk 5.18
                Total Amount: 7.72
                GST @0%: 0.00
                Rounding: -RM0.02
                Nett Total: 7.70""";

        assertThat(tallied(text, "Nett Total: 7.70")).isTrue();
        assertThat(tallied(text, "Total Amount: 7.72")).isFalse();
    }

    @Test
    void aMinusAdjustmentThatDoesNotMeetTheAmountBelowRoundsNothing() {
        String text = """
                Soup 9.90
                Tea 1.52
                Total 11.42
                Rounding Adj: -0.02
                Tip 11.45""";

        assertThat(tallied(text, "Total 11.42")).isTrue();
        assertThat(tallied(text, "Tip 11.45")).isFalse();
    }

    @Test
    void totalsByTaxRateArePartsOfTheTotalPayable() {
        String text = """
                White bread 2.13 6 12.78
                Wholemeal 2.78 3 8.34
                Total 0% supplies: 21.12
                Cream roll 0.72 14 10.08
                Total 6% supplies (excl. GST): 10.08
                GST: 0.60
                Total 6% supplies (Inc. GST): 10.68
                Total 0% supplies: 21.12
                Total Payable: 31.80""";

        assertThat(tallied(text, "Total Payable: 31.80")).isTrue();
        assertThat(tallied(text, "Total 0% supplies: 21.12")).isFalse();
        assertThat(tallied(text, "Total 6% supplies (Inc. GST): 10.68")).isFalse();
    }

    @Test
    void aSingleAmountOrOneAddingUpToNothingIsNoTotal() {
        String text = """
                Item 5.00
                Total 7.00""";

        assertThat(tallied(text, "Total 7.00")).isFalse();
        assertThat(tallied(text, "Item 5.00")).isFalse();
    }

    @Test
    void aTotalBesideItsOwnTermsIsNoPartOfTheCashThatCountsThemTwice() {
        String text = """
                Total Sales (Excluding GST) : 23.58
                Total GST : 1.42
                Rounding : 0.00
                Total Sales (Inclusive of GST) : 25.00
                CASH : 50.00""";

        assertThat(tallied(text, "(Inclusive of GST) : 25.00")).isTrue();
    }

    @Test
    void aTaxSummaryOfOneRowNamesTheTotalItSplitsIntoAmountAndTax() {
        String text = """
                Coffee 4.50
                Cake 6.4
                Total GST 0.66
                TOTAL 11.60
                GST SUMMARY
                SR 6 10.94 0.66""";

        assertThat(tallied(text, "TOTAL 11.60")).isTrue();
    }

    @Test
    void aRowOfOneRateAmongSeveralNamesNoTotal() {
        String text = """
                Pencils 4 x 15.40 61.60
                Erasers 4 x 0.30 1.20
                TOTAL: 62.80
                SR 6% 58.11 3.49
                ZR 0% 1.20 0.00""";

        assertThat(tallied(text, "15.40 61.60")).isFalse();
        assertThat(tallied(text, "TOTAL: 62.80")).isTrue();
    }

    @Test
    void theAmountASummaryNamesIsTheRoundedOneRightBelowIt() {
        String text = """
                Soup 41.30
                Tea 4.
                Grand Total : 87.08
                Net Total : 87.10
                SR 6 82.15 4.93""";

        assertThat(tallied(text, "Net Total : 87.10")).isTrue();
        assertThat(tallied(text, "Grand Total : 87.08")).isFalse();
    }
}
