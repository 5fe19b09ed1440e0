package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.recognise.Recogniser;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a contract's structure states, independent of any case type: the parties its opening
 * sentence lists (sure when a defined term or the signatures confirm them), the date it takes
 * effect, its term and the law that governs it. A document without an opening sentence that lists
 * parties is no contract to this reader: only its term and governing-law clauses are read.
 */
public final class ContractReader {
    /** A party the opening sentence lists and a defined term or the signatures confirm. */
    static final double CONFIRMED = 0.8;
    /** A party confirmed both ways. */
    static final double CONFIRMED_TWICE = 0.95;
    /** A party the opening sentence lists, with nothing else for it: enough for review. */
    static final double LISTED = 0.5;
    /** A document that calls itself an agreement on its first page, as a letter agreement does. */
    private static final Pattern AGREEMENT = Pattern.compile("(?i)\\bagreement\\b");
    /** The opening sentence stands on one of the first pages. */
    private static final int OPENING_PAGES = 2;

    private final Recognisers recognisers;

    public ContractReader(Recognisers recognisers) {
        this.recognisers = recognisers;
    }

    /** A page's text as the reader reads it: line breaks as spaces, so a wrapped name reads whole. */
    public static String runningText(String text) {
        return Sentences.flat(text);
    }

    /** What the structure of a document of these pages states. */
    public Contract read(List<PageLayer> pages) {
        List<String> flats =
                pages.stream().map(page -> Sentences.flat(page.text())).toList();
        List<Statement> statements = new ArrayList<>();
        boolean opening = false;
        for (int i = 0; i < Math.min(OPENING_PAGES, pages.size()) && !opening; i++) {
            Optional<Preamble> preamble = Preamble.find(flats.get(i), recognisers.of(FeatureType.ORGANIZATION_NAME));
            if (preamble.isPresent()) {
                opening = true;
                // the opening sentence must not confirm itself where the signatures share its page
                int openingEnd = i == pages.size() - 1 ? preamble.get().end() : 0;
                statements.addAll(parties(
                        pages.get(i).index(),
                        preamble.get(),
                        Signatures.of(pages.stream().map(PageLayer::text).toList(), openingEnd)));
                EffectiveDate.inPreamble(pages.get(i).index(), preamble.get(), recognisers.of(FeatureType.DATE))
                        .ifPresent(statements::add);
            }
        }
        for (int i = 0; i < pages.size(); i++) {
            int page = pages.get(i).index();
            EffectiveDate.defined(page, flats.get(i), recognisers.of(FeatureType.DATE)).stream()
                    .filter(date ->
                            statements.stream().noneMatch(s -> s.page() == date.page() && s.start() == date.start()))
                    .forEach(statements::add);
            statements.addAll(TermClauses.read(page, flats.get(i), recognisers.of(FeatureType.DURATION)));
            statements.addAll(GoverningLaw.read(page, flats.get(i), recognisers.of(FeatureType.PLACE)));
        }
        boolean agreement = opening
                || !pages.isEmpty() && AGREEMENT.matcher(flats.getFirst()).find();
        if (agreement && !opening) {
            statements.addAll(SignatureBlocks.parties(
                    pages.stream().map(PageLayer::index).toList(),
                    pages.stream().map(PageLayer::text).toList(),
                    recognisers.of(FeatureType.ORGANIZATION_NAME)));
        }
        if (agreement && statements.stream().noneMatch(s -> s.clause() == Clause.EFFECTIVE_DATE)) {
            statements.addAll(dateOfSigning(pages, flats));
        }
        return new Contract(opening, agreement, statements);
    }

    /** A letter agreement's date line, else the dates its signature sentences give. */
    private List<Statement> dateOfSigning(List<PageLayer> pages, List<String> flats) {
        Recogniser dates = recognisers.of(FeatureType.DATE);
        Optional<Statement> letter = EffectiveDate.letterDate(
                pages.getFirst().index(), pages.getFirst().text(), dates);
        if (letter.isPresent()) {
            return List.of(letter.get());
        }
        List<Statement> signed = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            signed.addAll(EffectiveDate.signed(pages.get(i).index(), flats.get(i), dates));
        }
        return signed;
    }

    private static List<Statement> parties(int page, Preamble preamble, Signatures signatures) {
        List<Statement> statements = new ArrayList<>();
        for (Preamble.Party party : preamble.parties()) {
            boolean signed = signatures.names(party.key());
            double support =
                    party.defined() && signed ? CONFIRMED_TWICE : party.defined() || signed ? CONFIRMED : LISTED;
            statements.add(new Statement(Clause.PARTIES, page, party.start(), party.end(), support));
        }
        return statements;
    }
}
