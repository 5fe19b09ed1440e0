package com.klarefi.extraction.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractReaderTest {
    private final ContractReader reader = new ContractReader(new Recognisers());

    private static PageLayer page(int index, String text) {
        return new PageLayer(index, text, TextMethod.BORN_DIGITAL_TEXT, 595, 842, List.of());
    }

    private static List<String> stated(Contract contract, List<PageLayer> pages, Clause clause) {
        List<String> quotes = new ArrayList<>();
        for (PageLayer page : pages) {
            contract.on(page.index(), clause)
                    .forEach(s -> quotes.add(page.text()
                                    .substring(s.start(), s.end())
                                    .replace('\n', ' ')
                                    .strip() + " @" + s.support()));
        }
        return quotes;
    }

    private static final String PREAMBLE = """
            MUTUAL CONFIDENTIALITY AGREEMENT
            This Mutual Confidentiality Agreement ("Agreement") is effective as of February 10, 2017 ("Effective
            Date"), between Kite Pharma, Inc., a Delaware corporation organized and existing under the laws of
            Delaware ("Kite") and James C.
            Lee, an individual residing in Santa Monica ("Employee"). Kite and Employee are the "Parties".
            """;

    @Test
    void listsEveryPartyOfTheOpeningSentenceAndReadsANameWrappedOverTwoLines() {
        List<PageLayer> pages = List.of(page(0, PREAMBLE), page(1, """
                IN WITNESS WHEREOF, the Parties have executed this Agreement.
                KITE PHARMA, INC.
                By: /s/ Veer Bhavnagri
                Name: Veer Bhavnagri
                """));
        Contract contract = reader.read(pages);
        assertThat(contract.opening()).isTrue();
        List<String> parties = stated(contract, pages, Clause.PARTIES);
        assertThat(parties).hasSize(2);
        // defined and signed: sure; defined only: confirmed once
        assertThat(parties.get(0)).startsWith("Kite Pharma, Inc.").endsWith("@" + ContractReader.CONFIRMED_TWICE);
        assertThat(parties.get(1)).startsWith("James C. Lee").endsWith("@" + ContractReader.CONFIRMED);
    }

    @Test
    void aPartyNeitherDefinedNorSignedIsOnlyListed() {
        List<PageLayer> pages = List.of(page(0, """
                This Non-Disclosure Agreement is made this 6th of February, 1999 by and between High Speed Net
                Solutions and R. J. Seifert Enterprises. The Parties agree as follows.
                """));
        List<String> parties = stated(reader.read(pages), pages, Clause.PARTIES);
        assertThat(parties)
                .containsExactly(
                        "High Speed Net Solutions @" + ContractReader.LISTED,
                        "R. J. Seifert Enterprises. @" + ContractReader.LISTED);
    }

    @Test
    void readsTheEffectiveDateOfTheOpeningSentence() {
        List<PageLayer> pages = List.of(page(0, PREAMBLE));
        assertThat(stated(reader.read(pages), pages, Clause.EFFECTIVE_DATE)).containsExactly("February 10, 2017 @0.95");
    }

    @Test
    void aLetterAgreementIsDatedByTheDateLineHeadingItsFirstPage() {
        List<PageLayer> pages = List.of(page(0, """
                CONFIDENTIALITY AGREEMENT
                                 April 11, 2012
                One Equity Partners IV, L.P.
                Ladies and Gentlemen: this letter agreement (this "Agreement") governs information provided
                to you since March 1, 2012.
                """));
        assertThat(stated(reader.read(pages), pages, Clause.EFFECTIVE_DATE)).containsExactly("April 11, 2012 @0.6");
    }

    @Test
    void anAgreementThatStatesNoDateOfEffectIsDatedWhereItIsSigned() {
        List<PageLayer> pages = List.of(page(0, """
                This Agreement is made by and between Heidrick & Struggles, Inc., a Delaware Corporation, and the
                undersigned. Information disclosed before January 5, 2011 is covered.
                """), page(1, """
                IN WITNESS WHEREOF, the parties hereto have executed this agreement this 16th day of May , 2011.
                """));
        assertThat(stated(reader.read(pages), pages, Clause.EFFECTIVE_DATE))
                .containsExactly("16th day of May , 2011 @0.6");
    }

    @Test
    void theDateOfSigningDoesNotCompeteWithTheOpeningSentencesDate() {
        List<PageLayer> pages =
                List.of(page(0, PREAMBLE), page(1, "IN WITNESS WHEREOF, executed as of March 3, 2017."));
        assertThat(stated(reader.read(pages), pages, Clause.EFFECTIVE_DATE)).containsExactly("February 10, 2017 @0.95");
    }

    @Test
    void aLetterAgreementsPartiesAreTheOrganisationsHeadingItsSignatureBlocks() {
        List<PageLayer> pages = List.of(page(0, """
                December 7, 2012
                JAB Beech Inc.
                Ladies and Gentlemen: in connection with a possible transaction with Caribou Coffee Company, Inc.
                (the "Seller"), this letter agreement (this "Agreement") sets out how information is held.
                """), page(1, """
                Very truly yours,
                Caribou Coffee Company, Inc.
                By:  /s/ Dan E. Lee
                Accepted and agreed to as of the date first written above:
                GREEN RIVER HOLDINGS, LLC:

                By:  /s/ Joachim Creus
                """));
        Contract contract = reader.read(pages);
        assertThat(contract.opening()).isFalse();
        assertThat(contract.agreement()).isTrue();
        // named on the first page too: confirmed; only signing: listed
        assertThat(stated(contract, pages, Clause.PARTIES))
                .containsExactly(
                        "Caribou Coffee Company, Inc. @" + ContractReader.CONFIRMED,
                        "GREEN RIVER HOLDINGS, LLC @" + ContractReader.LISTED);
    }

    @Test
    void aSentenceThatMentionsPartiesWithoutAnAgreementIsNoOpening() {
        List<PageLayer> pages = List.of(page(0, """
                Dear Sir: in connection with a possible transaction between the Company and you, you have
                requested information about Acme Holdings, Inc. and its subsidiaries.
                """));
        assertThat(reader.read(pages).opening()).isFalse();
    }

    @Test
    void theTermIsThePeriodFromTheAgreementsStartNotAnyPeriodItNames() {
        List<PageLayer> pages = List.of(page(0, """
                3. Notice. Either party may terminate this Agreement upon thirty (30) days' prior written notice.
                4. Non-solicitation. For a period of twelve (12) months after the Employee leaves the Company, the
                Employee shall not solicit its customers.
                5. Term. This Agreement shall expire two (2) years from the date hereof.
                """));
        assertThat(stated(reader.read(pages), pages, Clause.TERM)).containsExactly("two (2) years @0.9");
    }

    @Test
    void theGoverningLawIsThePlaceWhoseLawsGovernNotWhereAPartyIsOrganised() {
        List<PageLayer> pages = List.of(page(0, """
                Acme Corp., a corporation organized under the laws of the State of Delaware, agrees as follows.
                8. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of
                the State of New York without giving effect to its conflict of laws principles.
                """));
        assertThat(stated(reader.read(pages), pages, Clause.GOVERNING_LAW)).containsExactly("New York @0.9");
    }
}
