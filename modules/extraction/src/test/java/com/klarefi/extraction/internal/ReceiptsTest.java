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
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Till receipts read with a case type written from four field names only (company, date, address,
 * total: no role, zone or currency), as an operator writes one on the first day.
 */
class ReceiptsTest {
    private static final CaseType FROM_FIELD_NAMES = CaseTypes.parse("""
            {"id": "receipt", "name": "receipt", "locales": ["en"], "features": [
              {"id": "company", "type": "text", "labels": {"en": ["company"]}},
              {"id": "date", "type": "date", "labels": {"en": ["date"]}},
              {"id": "address", "type": "text", "labels": {"en": ["address"]}},
              {"id": "total", "type": "money", "labels": {"en": ["total"]}}]}""");

    private final Extractor extractor = Extractor.create();

    private ExtractionResult extract(PageLayer page) {
        return extractor.extract(FROM_FIELD_NAMES, List.of(new DocumentText("doc", List.of(page))));
    }

    private static List<String> bestGuesses(ExtractionResult result, String feature) {
        FeatureResult found = result.feature(feature).orElseThrow();
        assertThat(found.decision().outcome()).as(feature).isNotEqualTo(DecisionOutcome.MISSING);
        return found.selected().stream()
                .map(candidate -> candidate.valueNormalized())
                .toList();
    }

    @Test
    void readsAnOcrLineWhoseWordBoxesOverlapAgainstTheTextOrder() {
        // "5 ]": OCR boxes of two specks, the second a pixel left of the first.
        String text = "TOTAL 9.90\n5 ]";
        PageLayer page = new PageLayer(
                0,
                text,
                TextMethod.OCR,
                800,
                1400,
                List.of(
                        new Word(0, 5, 100, 600, 180, 620, 0.95f), new Word(6, 10, 300, 600, 360, 620, 0.95f),
                        new Word(11, 12, 775, 437, 813, 462, 0.7f), new Word(13, 14, 774, 403, 813, 408, 0.7f)));

        ExtractionResult result = extract(page);

        assertThat(result.feature("total").orElseThrow().decision().outcome()).isNotNull();
    }

    @Test
    void theTotalIsTheAmountToPayNotTheTaxTheQuantityTheDiscountOrTheChange() {
        PageLayer receipt = plainTextWithCells("""
                AMPHAWA THAI TEA
                Item Qty Price Amt
                THAI MILK TEA 2 4.45 8.90
                Total Qty : 2 Sub Total : 8.90
                Discount : 0.00
                Total GST : 0.53
                Total Sales (Inclusive of GST) 9.45
                CASH 10.00
                CHANGE 0.55""");

        ExtractionResult result = extract(receipt);

        // no currency anywhere: the column of amounts is read as amounts alone
        assertThat(bestGuesses(result, "total")).containsExactly("9.45");
    }

    @Test
    void aTotalWhoseLineNamesTheTaxIsTheAmountTheItemsAddUpTo() {
        // "of GST" stands closer to the total than "Total": the arithmetic says which amount it is
        PageLayer receipt = plainTextWithCells("""
                BOOK CORNER
                Description Amount
                Glue stick 2.40 T
                Notebook A5 8.60 T
                Total RM Incl. of GST 11.00
                Item Count 2
                GST Summary Amount (RM) Tax (RM)
                T @ 6% 10.38 0.62""");

        assertThat(bestGuesses(extract(receipt), "total")).containsExactly("MYR 11.00");
    }

    @Test
    void whereOcrLostTheTotalsAmountTheAmountTheArithmeticMakesATotalIsTheBestGuess() {
        // the total's own line is unread ("Cea)"); the subtotal the items and tax add up to, and the cash settles, is
        // it
        PageLayer receipt = plainTextWithCells("""
                PAINT SHOP
                2 4.1000 8.20 SR
                1 21.5000 21.50 SR
                GST 6% 1.78
                Sub Total : 31.48
                Total (RM): Cea)
                Cash 50.00
                Change 18.52""");

        assertThat(bestGuesses(extract(receipt), "total")).containsExactly("MYR 31.48");
    }

    @Test
    void aTotalWhoseKeySaysTheTaxIsInItIsTheTotal() {
        // "(Inclusive GST)": the tax is in the total, not what its key names; "RM" ends the key's cell, the
        // amount stands in the next
        PageLayer inclusive = plainTextWithCells("""
                CORNER MART SDN BHD
                1000131-V
                Item Qty Amount
                RICE 5KG 1 14.30
                EGGS 1 5.60
                Total Sales (Inclusive GST) RM        19.90
                CASH RM        20.00
                CHANGE RM        0.10""");
        // "(GST INCL)", the tax first; OCR read the table's border as a bar after each amount
        PageLayer taxFirst = plainTextWithCells("""
                HARDWARE SDN BHD
                1000131-V
                FUSE 2 4.00 8.00 |
                CABLE 1 28.30 28.30 |
                GST 6% 2.07 |
                TOTAL (GST INCL) 38.37 |
                CASH 40.00 |
                CHANGE DUE 1.63 |""");

        assertThat(bestGuesses(extract(inclusive), "total")).containsExactly("MYR 19.90");
        assertThat(bestGuesses(extract(taxFirst), "total")).containsExactly("38.37");
    }

    @Test
    void aKeyAfterTheLabelAndTheDocumentsTitleAreNoCompany() {
        // "Company Reg. No. :" is a key, not "Reg. No." after the label "Company"; "Tax Invoice" is the title and
        // "INV No.:" a key
        PageLayer receipt = plainTextWithCells("""
                WAN SHENG
                Company Reg. No. : 725186-V
                No.2, Jalan Temenggung 19/9,
                43200 Cheras Selangor
                Tax Invoice
                INV No.: 1128507 Cashier: Thandar
                Date : 06-05-2018 12:43:19
                TOTAL 12.30""");

        assertThat(bestGuesses(extract(receipt), "company")).containsExactly("WAN SHENG");
    }

    @Test
    void aDateWithItsMonthInWordsUnderTheShopsNameIsTheBodysFirstLine() {
        // the header (the shop about itself) ends at the first date or amount, also one with its month in words
        PageLayer receipt = plainTextWithCells("""
                UNIHAKKA INTERNATIONAL SDN BHD
                12 Jun 2018 18:18
                (867388-U)
                12, Jalan Tampoi 7/4, Kawasan Perindustrian Tampoi,
                81200 Johor Bahru, Johor
                Invoice # : OR18061202170371
                Total 7.70""");

        assertThat(bestGuesses(extract(receipt), "date")).containsExactly("2018-06-12");
    }

    @Test
    void aDatePrintedLastIsTheReceiptsBusinessNotItsFooter() {
        PageLayer receipt = plainTextWithCells("""
                SYARIKAT PERNIAGAAN GIN KEE
                No 290, Jalan Air Panas,
                Setapak, 53200 Kuala Lumpur
                GST ID : 001005957120
                Tax Invoice
                TAPE @ 2.50 12 30.00 SR
                Total Amt Incl. GST @ 6% : 31.80
                Paid Amount: 31.80
                Change: 0.00
                THANK YOU
                Goods Sold are not returnable
                19/03/2018 1:01:43 PM
                4""");

        assertThat(bestGuesses(extract(receipt), "date")).containsExactly("2018-03-19");
    }

    @Test
    void aLineOfTheShopsAddressIsNoCompany() {
        // OCR lost the shop's name line; the address block's lines are still no name
        PageLayer receipt = plainTextWithCells("""
                ~ we
                LOT 1851-A & 1851-B, JALAN KPB 6,
                KAWASAN PERINDUSTRIAN BALAKONG,
                43300 SERI KEMBANGAN, SELANGOR
                TAX INVOICE
                TOTAL 12.00""");

        assertThat(extract(receipt).feature("company").orElseThrow().candidates())
                .extracting(candidate -> candidate.valueNormalized())
                .doesNotContain("KAWASAN PERINDUSTRIAN BALAKONG");
    }

    @Test
    void aNetTotalIsTheTotalToPay() {
        PageLayer receipt = plainTextWithCells("""
                KEY SHOP
                33100 4 4.00 0.00 16.00
                33101 1 5.00 0.00 5.00
                Total Qty : 5 Sub-Total : 21.00
                Discount : 0.00
                Net Total : 21.00
                Cash Received : 50.00
                Change : 29.00""");

        assertThat(bestGuesses(extract(receipt), "total")).containsExactly("21.00");
    }

    @Test
    void whereOcrGarbledTheTotalsKeyTheArithmeticStillNamesTheTotal() {
        PageLayer receipt = plainTextWithCells("""
                CURRY HOUSE
                2 * RM 33.02 =RM 66.04
                1 * RM 2.83 =RM 2.83
                Sub Total : RM 68.87
                Service Charge : RM 0.00
                GST/TAX 6% : RM 4.13
                TOT*L, : RM 73.00
                CA : RM 73.00
                CHANGE: RM 0.00""");

        assertThat(bestGuesses(extract(receipt), "total")).containsExactly("MYR 73.00");
    }

    @Test
    void anAmountTheArithmeticMakesATotalIsNoValueOfAFeatureThatAsksForSomethingElse() {
        CaseType claim = CaseTypes.parse("""
                {"id": "expense", "name": "expense", "locales": ["en"], "features": [
                  {"id": "claimed_amount", "type": "money", "labels": {"en": ["Claimed amount"]}}]}""");
        PageLayer receipt = plainTextWithCells("""
                CURRY HOUSE
                Sub Total : RM 68.87
                GST/TAX 6% : RM 4.13
                TOT*L, : RM 73.00
                CA : RM 73.00
                CHANGE: RM 0.00""");

        FeatureResult claimed = extractor
                .extract(claim, List.of(new DocumentText("doc", List.of(receipt))))
                .feature("claimed_amount")
                .orElseThrow();

        assertThat(claimed.decision().outcome()).isEqualTo(DecisionOutcome.MISSING);
    }

    @Test
    void theCompanyIsTheNameTheShopTradesUnderNotItsOwnersName() {
        String header = """
                HAPPY STATIONERY SHOP
                NO. 31G, JALAN SETIA INDAH X
                40170 SETIA ALAM
                Tel: +603-3362 4137
                GST ID NO: 001531760640 TAX INVOICE
                %s
                HAPPY SUPPLY SDN BHD (1135772-K)
                CASH SALES COUNTER
                1. 2012-0043 CLEAR BOOK 20 PKT 1 8.70 SR
                Total Sales Inclusive GST @6%% 8.70""";

        assertThat(bestGuesses(extract(plainTextWithCells(header.formatted("Owned By:"))), "company"))
                .containsExactly("HAPPY STATIONERY SHOP");
        // without the cue, the name with a legal form is the better guess
        assertThat(bestGuesses(extract(plainTextWithCells(header.formatted("Branch:"))), "company"))
                .containsExactly("HAPPY SUPPLY SDN BHD");
    }

    @Test
    void readsTheShopThatPrintedTheReceiptWhenTheCaseTypeSaysOnlyCompanyAndAddress() {
        PageLayer receipt = plainTextWithCells("""
                HOME MASTER HARDWARE & ELECTRICAL
                (Co. Reg 00123-X)
                No. 12, Jalan Besar,
                43000 Kajang, Selangor.
                Tel 03-8736 1234
                TAX INVOICE
                Date: 24/06/2018
                TOTAL RM 52.40""");

        ExtractionResult result = extract(receipt);

        assertThat(bestGuesses(result, "company")).containsExactly("HOME MASTER HARDWARE & ELECTRICAL");
        assertThat(bestGuesses(result, "address")).containsExactly("No. 12, Jalan Besar, 43000 Kajang, Selangor.");
        assertThat(bestGuesses(result, "date")).containsExactly("2018-06-24");
        assertThat(bestGuesses(result, "total")).containsExactly("MYR 52.40");
    }

    @Test
    void repairsALegalFormThatOcrMisreadAndKeepsTheNameAsPrinted() {
        PageLayer receipt = plainTextWithCells("""
                MOONLIGHT CAKE HOUSE SON BHD 802729-U
                No.1, Jalan Permas 10/5,
                81750 Johor Bahru, Johor.
                Date: 02/01/2018
                TOTAL RM 9.00""");

        assertThat(bestGuesses(extract(receipt), "company")).containsExactly("MOONLIGHT CAKE HOUSE SDN BHD");
    }

    @Test
    void takesTheOnlyDateOfTheCaseTypeFromTheBodyWithoutALabel() {
        PageLayer receipt = plainTextWithCells("""
                SANYU STATIONERY SHOP
                No. 31G, Jalan Setia Indah X U13/X,
                40170 Setia Alam, Selangor
                Cash Sales
                19/10/2017 20:49:59
                TOTAL RM 11.00""");

        assertThat(bestGuesses(extract(receipt), "date")).containsExactly("2017-10-19");
    }
}
