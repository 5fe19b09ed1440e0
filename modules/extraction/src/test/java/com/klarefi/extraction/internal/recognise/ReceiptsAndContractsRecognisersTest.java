package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recognisers that read receipts and contracts, with the cases that go wrong most easily. */
class ReceiptsAndContractsRecognisersTest {
    private static List<String> normalised(Recogniser recogniser, String text) {
        return recogniser.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void anAmbiguousNumericDateIsReadDayFirstAndAnImpossibleOneMonthFirst() {
        DateRecogniser dates = new DateRecogniser();
        assertThat(normalised(dates, "Date 05/01/2017")).containsExactly("2017-01-05");
        assertThat(normalised(dates, "Date 05/13/2017")).containsExactly("2017-05-13");
        assertThat(normalised(dates, "Date 31/02/2017")).isEmpty();
    }

    @Test
    void twoDigitYearsAreReadInThisCenturyAndAreLessSure() {
        List<Match> matches = new DateRecogniser().scan("26-03-18 13:05");
        assertThat(matches).extracting(Match::normalized).containsExactly("2018-03-26");
        assertThat(matches.getFirst().strength()).isLessThan(1.0);
        assertThat(normalised(new DateRecogniser(), "16-Mar-18 and 4 MAR 2018"))
                .containsExactly("2018-03-16", "2018-03-04");
        // a receipt's two separators: a space before the month, a dash after it
        assertThat(normalised(new DateRecogniser(), "24 Mar-2018 03:44:22 PM")).containsExactly("2018-03-24");
    }

    @Test
    void oneSpaceOcrSetsBesideADashOrASlashOfANumericDateIsNoPartOfIt() {
        DateRecogniser dates = new DateRecogniser();
        assertThat(normalised(dates, "27- 04-18 16:26 SHOP")).containsExactly("2018-04-27");
        assertThat(normalised(dates, "Date: 23/04/ 2017 Time: 18.00")).containsExactly("2017-04-23");
        // two spaces, or one beside a dot, make no date
        assertThat(normalised(dates, "Qty 2 / 3 / 18")).isEmpty();
        assertThat(normalised(dates, "Total 12. 05.18")).isEmpty();
    }

    @Test
    void aNumericDateWithOneSeparatorLostToOcrIsReadLessSure() {
        DateRecogniser dates = new DateRecogniser();
        List<Match> matches = dates.scan("CB#: 3897 17/012018 4 21 53");
        assertThat(matches).extracting(Match::normalized).containsExactly("2018-01-17");
        assertThat(matches.getFirst().strength()).isLessThan(0.7);
        assertThat(normalised(dates, "RECEIPT # CS0003 DATE: 2504/2017")).containsExactly("2017-04-25");
        // no year of this or the last century, a month past twelve, or no separator at all: no date
        assertThat(normalised(dates, "Ref 12/053018 and 17/132018 and 17012018"))
                .isEmpty();
    }

    @Test
    void monthNamesAreReadInSpanishItalianMalayAndTheContractsOwnForm() {
        DateRecogniser dates = new DateRecogniser();
        assertThat(normalised(dates, "Fecha: 5 marzo 2018")).containsExactly("2018-03-05");
        assertThat(normalised(dates, "Data: 12 settembre 2019")).containsExactly("2019-09-12");
        assertThat(normalised(dates, "Tarikh: 9 Ogos 2018")).containsExactly("2018-08-09");
        assertThat(normalised(dates, "dated this 6th day of January, 2012")).containsExactly("2012-01-06");
        assertThat(normalised(dates, "effective as of February\u00a010, 2017")).containsExactly("2017-02-10");
    }

    @Test
    void localCurrencyWordsAndIndianGroupingAreRead() {
        MoneyRecogniser money = new MoneyRecogniser();
        assertThat(normalised(money, "CASH RM 6.00")).containsExactly("MYR 6.00");
        assertThat(normalised(money, "Razem 120,50 zł")).containsExactly("PLN 120.50");
        assertThat(normalised(money, "Total ₹1,23,456.00")).containsExactly("INR 123456.00");
        assertThat(normalised(money, "Total CHF 1'234.50")).containsExactly("CHF 1234.50");
    }

    @Test
    void anAmountWithoutCurrencyTakesTheStatedOneOrTheHeadingsOrIsNoAmount() {
        assertThat(normalised(new MoneyRecogniser(Optional.of("MYR")), "TOTAL 90.00"))
                .containsExactly("MYR 90.00");
        assertThat(normalised(new MoneyRecogniser(), "Amount (RM)\nTOTAL 90.00"))
                .containsExactly("MYR 90.00");
        assertThat(normalised(new MoneyRecogniser(), "TOTAL 90.00")).isEmpty();
        assertThat(normalised(new MoneyRecogniser(), "Korting € 5,00\nTotaal € 85,00\nPrijs 42,25"))
                .containsExactly("EUR 5.00", "EUR 85.00");
    }

    @Test
    void aColumnOfAmountsWithNoCurrencyAnywhereIsReadAsAmountsAlone() {
        String receipt = "1 L Nuggets 12.80\nEat-in Total (incl GST) 12.80\nCash Tendered 13.00\nChange 0,20\n";
        assertThat(normalised(new MoneyRecogniser(), receipt)).containsExactly("12.80", "12.80", "13.00", "0.20");
        // a line of prose with two numbers is no column of amounts
        assertThat(normalised(new MoneyRecogniser(), "Aantal 4,5 prijs 89,50 BTW 21 VAT 12.00"))
                .isEmpty();
        // two amounts at line ends are not yet a column
        assertThat(normalised(new MoneyRecogniser(), "Nuggets 12.80\nTotal 12.80\nThank you"))
                .isEmpty();
        // where most amounts state their currency, bare numbers are something else
        assertThat(normalised(new MoneyRecogniser(), "Item 2.50\nTip USD 1.00\nTax USD 0.50\nTotal USD 7.00"))
                .containsExactly("USD 1.00", "USD 0.50", "USD 7.00");
        // a sign OCR read into a street number, out of the column, does not
        assertThat(normalised(new MoneyRecogniser(), "Jalan $$14/52\n" + receipt))
                .containsExactly("USD 14.00", "12.80", "12.80", "13.00", "0.20");
    }

    @Test
    void decimalsOcrSetApartAtALinesEndAreTheAmountsAndTheEvidenceCoversThem() {
        String receipt = "Soap 1 * 24.50 24.50\nTotal Sales Incl. GST 24. 50\nRounding 0. 00\nVISA 24, 50\n";
        List<Match> amounts = new MoneyRecogniser().scan(receipt);

        assertThat(amounts.stream().map(Match::normalized)).containsExactly("24.50", "24.50", "24.50", "0.00", "24.50");
        assertThat(amounts.stream().map(m -> receipt.substring(m.start(), m.end())))
                .containsExactly("24.50", "24.50", "24. 50", "0. 00", "24, 50");
        String written = "Bun RM7. 30 S";
        Match bun = new MoneyRecogniser().scan(written).getFirst();
        assertThat(bun.normalized()).isEqualTo("MYR 7.30");
        assertThat(written.substring(bun.start(), bun.end())).isEqualTo("RM7. 30");
        // within a line, a number and two digits apart are no amount
        assertThat(normalised(new MoneyRecogniser(), "Item 1\nItem 2\nItem 3\nroom 3, 45 guests"))
                .isEmpty();
    }

    @Test
    void digitsOcrSplitRightAfterACurrencyAreOneAmountAndTheEvidenceCoversThem() {
        String receipt = "Total (Incl GST) RM2 1.83\nGrand Total RM2 1.85\n";
        List<Match> amounts = new MoneyRecogniser().scan(receipt);

        assertThat(amounts.stream().map(Match::normalized)).containsExactly("MYR 21.83", "MYR 21.85");
        assertThat(amounts.stream().map(m -> receipt.substring(m.start(), m.end())))
                .containsExactly("RM2 1.83", "RM2 1.85");
        // with a space after the currency, or within a line, two numbers stay apart
        assertThat(normalised(new MoneyRecogniser(), "Paid RM 2 1.85\n")).containsExactly("MYR 2.00");
        assertThat(normalised(new MoneyRecogniser(), "Soap RM2 1.85 each\n")).containsExactly("MYR 2.00");
    }

    @Test
    void bareAmountsOfAColumnAreInTheOneCurrencyTheColumnWritesBesideSomeOfThem() {
        String receipt = "Coffee 1 7.70\nSUB TOTAL 7.70\nGRAND TOTAL 7.70\nCASH 8.00 MYR 8.00\nCHANGE DUE 0.30\n";
        assertThat(normalised(new MoneyRecogniser(), receipt))
                .containsExactly("MYR 7.70", "MYR 7.70", "MYR 7.70", "MYR 8.00", "MYR 8.00", "MYR 0.30");
        assertThat(normalised(new MoneyRecogniser(), "Item 2.50\nItem 3.50\nItem 1.00\nTotal USD 7.00"))
                .containsExactly("USD 2.50", "USD 3.50", "USD 1.00", "USD 7.00");
        // one sign, perhaps a speck OCR read, does not set the column's currency; two do
        assertThat(normalised(new MoneyRecogniser(), "Coffee 1 7.70\nCake P¢£ 3.80\nTOTAL 11.50\nCASH 12.00\n"))
                .containsExactly("GBP 3.80");
        assertThat(normalised(
                        new MoneyRecogniser(), "Coffee 1 7.70\nCake £ 3.80\nTea 1.00\nTOTAL 12.50\nCASH £ 13.00\n"))
                .containsExactly("GBP 7.70", "GBP 3.80", "GBP 1.00", "GBP 12.50", "GBP 13.00");
        // two currencies in the column: which one a bare amount is in is not said
        assertThat(normalised(new MoneyRecogniser(), "Coffee 7.70\nTea 2.00\nCASH USD 8.00\nCARD EUR 1.70\n"))
                .containsExactly("USD 8.00", "EUR 1.70");
    }

    @Test
    void zeroDecimalsOcrReadAsTheLetterOAtALinesEndAreTheAmountsAndTheEvidenceCoversThem() {
        String receipt = "Powder 4 11.32 4.9OSR\nSUB-TOTAL 45.28\nTOTAL 48.0O\nCASH 48.00\n";
        List<Match> amounts = new MoneyRecogniser().scan(receipt);

        assertThat(amounts.stream().map(Match::normalized)).containsExactly("11.32", "4.90", "45.28", "48.00", "48.00");
        assertThat(amounts.stream().map(m -> receipt.substring(m.start(), m.end())))
                .containsExactly("11.32", "4.9O", "45.28", "48.0O", "48.00");
        // words and codes stay words: no amount in "No.OO" or "Room 1.OOA"
        assertThat(normalised(
                        new MoneyRecogniser(), "Item 2.50\nItem 3.50\nItem 1.00\nNo.OO\nRoom 1.OOKMS\nJalan 2.Oak\n"))
                .containsExactly("2.50", "3.50", "1.00");
    }

    @Test
    void durationsWrittenInWordsAndDigitsKeepTheirWireForm() {
        DurationRecogniser durations = new DurationRecogniser();
        assertThat(normalised(durations, "for a period of two (2) years")).containsExactly("2_years");
        assertThat(normalised(durations, "one (1) year")).containsExactly("1_year");
        assertThat(normalised(durations, "24 months, 2 jaar, three years, 2 weeks"))
                .containsExactly("24_months", "2_years", "3_years", "14_days");
    }

    @Test
    void organisationsWithALegalFormAreFoundAnywhereAndLoseTheCommaBeforeIt() {
        OrganisationRecogniser organisations = new OrganisationRecogniser();
        assertThat(normalised(organisations, "between Blackbaud, Inc., a Delaware corporation, and Acme Widgets GmbH"))
                .containsExactly("Blackbaud Inc.", "Acme Widgets GmbH");
        assertThat(normalised(organisations, "between Kite Pharma,\nInc. and Sears, Roebuck & Co."))
                .containsExactly("Kite Pharma Inc.", "Sears Roebuck and Co.");
        assertThat(normalised(organisations, "De Vries Bouw B.V. and Philips N.V. and Popular Book Co. (M) Sdn Bhd"))
                .containsExactly("De Vries Bouw B.V.", "Philips N.V.", "Popular Book Co. (M) Sdn Bhd");
        assertThat(normalised(organisations, "the Company shall")).isEmpty();
    }

    @Test
    void aLegalFormThatOpensALabelOnTheNextLineIsNoPartOfTheNameAbove() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "ADVANCO COMPANY\nCompany Reg. No. : 725186-V\nNO 1&3, Jalan Wangsa\n"))
                .containsExactly("ADVANCO COMPANY");
        assertThat(normalised(organisations, "FILL IN ENTERPRISE\nCompany No: MA0057302-M\n"))
                .containsExactly("FILL IN ENTERPRISE");
        // a name that prose wraps before its form stays whole
        assertThat(normalised(organisations, "between Acme Widgets\nCorporation, a Delaware corporation"))
                .containsExactly("Acme Widgets Corporation");
    }

    @Test
    void aBareNumberOpeningTheNamesLineIsTheNamesAndAnyOtherLeadingNumberIsNot() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "99 SPEED MART S/B (519537-X)\nGST ID. NO : 000181747712\n"))
                .containsExactly("99 SPEED MART S/B");
        // also after the bar OCR reads at a scan's edge
        assertThat(normalised(organisations, "| 99 SPEED MART S/B (519537-X)\n"))
                .containsExactly("99 SPEED MART S/B");
        assertThat(normalised(organisations, "1234 ACME TRADING SDN BHD\n")).containsExactly("ACME TRADING SDN BHD");
        assertThat(normalised(organisations, "1. ACME TRADING SDN BHD\n")).containsExactly("ACME TRADING SDN BHD");
        // a line of numbers above the name (a till's number) is no part of it
        assertThat(normalised(organisations, "3 1803057\nMR. D.I.Y. (M) SDN BHD\n"))
                .containsExactly("MR. D.I.Y. (M) SDN BHD");
    }

    @Test
    void aNameOnItsOwnHeaderLineIsNotJoinedToTheLineAbove() {
        OrganisationRecogniser organisations = new OrganisationRecogniser();
        assertThat(normalised(organisations, "JIMART\nOGN GROUP SDN BHD\n")).containsExactly("OGN GROUP SDN BHD");
        // nor is the end of a handle on the line above ("@SP3")
        assertThat(normalised(organisations, "JIMART@SP3\nOGN GROUP SDN BHD\n")).containsExactly("OGN GROUP SDN BHD");
        assertThat(normalised(organisations, "POPULAR BOOK\nCO. (M) SDN BHD\n"))
                .containsExactly("POPULAR BOOK CO. (M) SDN BHD");
    }

    @Test
    void aFormOnALineOfItsOwnEndsTheNameOfTheLineRightAboveIt() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "PERI-PERI CHICKEN\nNando's Chickenland Malaysia\nSdn Bhd\nUnit G-13\n"))
                .containsExactly("Nando's Chickenland Malaysia Sdn Bhd");
    }

    @Test
    void aLegalFormIsAWordOfItsOwnNotTheEndOfOne() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        // "INV" is no name "I" of the form "NV", nor "JASA" one "JA" of the form "SA"
        assertThat(normalised(organisations, "TABLE : G7\nINV N0: POS01/000\nINV DATE: 03/03/2018\n"))
                .isEmpty();
        assertThat(normalised(organisations, "NO.15 JLN TSTN THN SUANG SUBANG JASA,\n"))
                .isEmpty();
        // a comma may still stand between a name and its form
        assertThat(normalised(organisations, "between Acme,Inc. and")).containsExactly("Acme,Inc.");
    }

    @Test
    void aBranchInBracketsKeepsItsWordsAndLosesOcrsSpaces() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "BLUE HILL BAKERY (KL ) SDN BHD (139999 X)\n"))
                .containsExactly("BLUE HILL BAKERY (KL) SDN BHD");
        assertThat(normalised(organisations, "ACME HARDWARE\nENTERPRISE (BATU\nTIGA) SDN BHD\n(1234-A)\n"))
                .containsExactly("ACME HARDWARE ENTERPRISE (BATU TIGA) SDN BHD");
        assertThat(normalised(organisations, "A.B.C. MOTOR ( TELUK PANGLIMA ) SDN BHD.\n"))
                .containsExactly("A.B.C. MOTOR (TELUK PANGLIMA) SDN BHD.");
        // a bracket OCR lost before the form is closed
        assertThat(normalised(organisations, "SILVERLINE (M SDN BHD E0118-A)\n"))
                .containsExactly("SILVERLINE (M) SDN BHD");
    }

    @Test
    void theTailOfTheLineAboveIsNoPartOfANameThatFillsItsOwnLine() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "NOODLE BAR - TAMAN JAYA\nSILVER BOWL SDN. BHD. (1234567-V)\nNO 1\n"))
                .containsExactly("SILVER BOWL SDN. BHD.");
        // prose that wraps a name goes on after its form: the name stays whole
        assertThat(normalised(organisations, "made between Acme\nBlue Widgets Inc., a Delaware corporation"))
                .containsExactly("Acme Blue Widgets Inc.");
    }

    @Test
    void aLegalFormWithItsBReadAsAThreeIsRepaired() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        assertThat(normalised(organisations, "SUPER SEVEN CASH & CARRY SDN 3HD\n(590150-A)\n"))
                .containsExactly("SUPER SEVEN CASH & CARRY SDN BHD");
    }

    @Test
    void aBranchInBracketsClosesANameWithoutLegalForm() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        String header = "FUN N CHEER (MALURI)\nLOT 37636, JALAN 6/37A,\n";
        assertThat(organisations.readAt(header, 0, header.length()))
                .map(Match::normalized)
                .contains("FUN N CHEER (MALURI)");
        // in a sentence, a word in brackets is a defined term
        String parties = "PARTIES: Mark G. Parker (Employee) NIKE, Inc., and its";
        assertThat(organisations.readAt(parties, 9, parties.length()))
                .map(Match::normalized)
                .contains("Mark G. Parker");
    }

    @Test
    void aNameWithoutLegalFormThatEndsItsLineInAnAmpersandGoesOnOnTheNext() {
        OrganisationRecogniser organisations = new OrganisationRecogniser(true);
        String header = "HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G, JALAN SETIA\n";
        assertThat(organisations.readAt(header, 0, header.length()))
                .map(Match::normalized)
                .contains("HOME MASTER HARDWARE & ELECTRICAL");
        assertThat(organisations.readAt(header, 0, header.indexOf('\n')))
                .map(Match::normalized)
                .contains("HOME MASTER HARDWARE & ELECTRICAL");
        String one = "HOME MASTER HARDWARE\nELECTRICAL\n";
        assertThat(organisations.readAt(one, 0, one.length()))
                .map(Match::normalized)
                .contains("HOME MASTER HARDWARE");
    }

    @Test
    void aNameWithoutLegalFormIsACapitalisedPhraseWhereALabelPoints() {
        OrganisationRecogniser organisations = new OrganisationRecogniser();
        String text = "between Eric Dean Sprunk (\"EMPLOYEE\") and";
        assertThat(organisations.readAt(text, 8, text.length()))
                .map(Match::normalized)
                .contains("Eric Dean Sprunk");
        String shouting = "EACH PARTY HEREBY WAIVES ANY RIGHT";
        assertThat(organisations.readAt(shouting, 0, shouting.length())).isEmpty();
    }

    @Test
    void aMultiLineAddressIsOneValueEndingBeforeThePhoneLine() {
        String receipt = "BHPetrol Palekbang\nLot 1626, Mukim Kampung Laut\nTumpat\n16200 Palekbang, Kelantan\n"
                + "Tel 013-336 3999\n";
        assertThat(normalised(new AddressRecogniser(), receipt))
                .containsExactly("Lot 1626, Mukim Kampung Laut Tumpat 16200 Palekbang, Kelantan");
        assertThat(normalised(
                        new AddressRecogniser(),
                        "No.29M, Jalan Dinar G U3/G, Seksyen U3,\n"
                                + "Subang Perdana, 40150 Shah Alam\n013-336 3999\n"))
                .containsExactly("No.29M, Jalan Dinar G U3/G, Seksyen U3, Subang Perdana, 40150 Shah Alam");
    }

    @Test
    void malayStreetWordsAndTheirAbbreviationsOpenABlock() {
        // "Tmn" for taman, as "Jln" for jalan (the only street word of the line: "Jin" is OCR's Jln);
        // "Lebuh", "Lebuhraya" and "Kampung" are street words too
        String header = "PHARMACY S/B\n23, Jin Burung 2, Tmn Bukit\nMaluri, Kepong, 52100 KL.\nTAX INVOICE\n";
        assertThat(normalised(new AddressRecogniser(), header))
                .containsExactly("23, Jin Burung 2, Tmn Bukit Maluri, Kepong, 52100 KL.");
        String highway = "Lebuhraya Sprint, PJU6A,\n47400 Petaling Jaya, Selangor\nTel: 03-7726 2929\n";
        assertThat(normalised(new AddressRecogniser(), highway))
                .containsExactly("Lebuhraya Sprint, PJU6A, 47400 Petaling Jaya, Selangor");
    }

    @Test
    void anyLineRightAboveThePostcodesLineIsTheBlocksAndAWebAddressIsNot() {
        String station = "LOT 26151 BANDAR SG LONG,\n11 1/4 MILES CHERAS,\n43000 KAJANG, SELANGOR\nSite : 2188\n";
        assertThat(normalised(new AddressRecogniser(), station))
                .containsExactly("LOT 26151 BANDAR SG LONG, 11 1/4 MILES CHERAS, 43000 KAJANG, SELANGOR");
        // nor is a lot's number after a short code of the lot's kind
        String lot = "LOT P.T. 2811, JALAN ANGSA,\nTAMAN BERKELEY\n41150 KLANG, SELANGOR\nGST ID. NO : 000181747712\n";
        assertThat(normalised(new AddressRecogniser(), lot))
                .containsExactly("LOT P.T. 2811, JALAN ANGSA, TAMAN BERKELEY 41150 KLANG, SELANGOR");
        // OCR garbled "http://www": the colon and slashes still say it is no postal line
        String web = "NO. 1 Jalan Euro 1\nSungai Buloh Seksyen U3 Shah Alam, 40150\nKEEp://uww super com my\n";
        assertThat(normalised(new AddressRecogniser(), web))
                .containsExactly("NO. 1 Jalan Euro 1 Sungai Buloh Seksyen U3 Shah Alam, 40150");
    }

    @Test
    void anOcrAddressKeepsNoEdgeGlyphsAndGoesOnPastABlankLineBeforeItsPostcode() {
        String scan = "GARDENIA BAKERIES (KL) SDN BHD\n| Lot 3, Jalan Pelabur 23/1, |\n\n40300 Shah Alam, Selangor. :\n"
                + "Tel: 03-55423228\n";
        assertThat(normalised(new AddressRecogniser(), scan))
                .containsExactly("Lot 3, Jalan Pelabur 23/1, 40300 Shah Alam, Selangor.");
        assertThat(normalised(new AddressRecogniser(), "_ No 8, Jalan Besar | Taman Jaya\n56000 Kuala Lumpur\n"))
                .containsExactly("No 8, Jalan Besar Taman Jaya 56000 Kuala Lumpur");
        // after the postcode a blank line ends the block: what follows is the receipt's business
        assertThat(normalised(new AddressRecogniser(), "Lot 3, Jalan Pelabur\n40300 Shah Alam\n\nAMPANG POINT\n"))
                .containsExactly("Lot 3, Jalan Pelabur 40300 Shah Alam");
    }

    @Test
    void ocrEdgeGlyphsAreNoPartOfALine() {
        assertThat(OcrEdges.clean("| 4-20, Jalan Ria 25/62 |")).isEqualTo("4-20, Jalan Ria 25/62");
        assertThat(OcrEdges.clean(". BHPetrol Subang Airport ;")).isEqualTo("BHPetrol Subang Airport");
        assertThat(OcrEdges.clean("Menara Dion #02-03, Level 2,")).isEqualTo("Menara Dion #02-03, Level 2,");
        assertThat(OcrEdges.clean("MR. D.I.Y. (M) SDN. BHD.")).isEqualTo("MR. D.I.Y. (M) SDN. BHD.");
        assertThat(OcrEdges.clean("SERDANG | SRI KEMBANGAN")).isEqualTo("SERDANG SRI KEMBANGAN");
        assertThat(OcrEdges.skipLeading("® \u201aBILLION SIX", 0, 14)).isEqualTo(3);
    }

    @Test
    void specksAtTheTopOfAScanPushNoLetterheadLineOutOfTheHeader() {
        String scan = "|\n| |\non 26\n=O\nKEDAI PAPAN\n(0005583085-K)\nLOT 276 JALAN BANTING\n43800 DENGKIL\n"
                + "TEL 03-87686092\nGST ID 000781500416\nCASHIER 1\nTABLE 4\nItem 1.00\n";
        Zones zones = new Zones(scan, true);
        assertThat(zones.zone(scan.indexOf("43800"))).isEqualTo(com.klarefi.extraction.api.Zone.HEADER);
        assertThat(zones.line(scan.indexOf("KEDAI"))).isZero();
    }

    @Test
    void placesAreCountriesInManyLanguagesAndFirstLevelSubdivisionsByTheirEnglishName() {
        Recogniser places = CountryRecogniser.places();
        assertThat(normalised(places, "the laws of the State of New York without giving effect"))
                .containsExactly("New York");
        assertThat(normalised(places, "Nederland, Alemania, NOORD-HOLLAND, Selangor"))
                .containsExactly("Netherlands", "Germany", "Noord-Holland", "Selangor");
    }

    @Test
    void aPlaceReadAsTextEndsWhereTheClauseGoesOnInLowerCase() {
        PhraseRecogniser text = new PhraseRecogniser(5, false);
        String clause = "New York without giving effect";
        assertThat(text.readAt(clause, 0, clause.length()))
                .map(Match::normalized)
                .contains("New York");
        String town = "Alphen aan den Rijn";
        assertThat(text.readAt(town, 0, town.length())).map(Match::normalized).contains("Alphen aan den Rijn");
    }
}
