package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names. A name that ends in a legal form (Inc., LLC, GmbH, B.V., Sdn Bhd, ...) is an
 * organisation wherever it stands, so such names are found anywhere; other names are read only
 * where a label points, as a phrase. Normalised as printed with whitespace collapsed, commas
 * dropped and a free-standing {@code &} written {@code and} ("Sears, Roebuck & Co." is "Sears
 * Roebuck and Co."), so that the same company printed with or without the comma before its legal
 * form is one value.
 */
final class OrganisationRecogniser implements Recogniser {
    /** Legal forms of companies in many countries, longest first where one is a prefix of another. */
    private static final String LEGAL_FORM = "(?:Incorporated|Inc\\.?|Corporation|Corp\\.?|Company|Co\\.,?\\s?Ltd\\.?"
            + "|Limited|Ltd\\.?|L\\.L\\.C\\.|LLC|L\\.L\\.P\\.|LLP|L\\.P\\.|LP|PLC|plc|GmbH|AG|KGaA|e\\.V\\."
            + "|B\\.V\\.?|BV|N\\.V\\.?|NV|S\\.A\\.S\\.|SAS|S\\.A\\.R\\.L\\.|SARL|S\\.A\\.|SA|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|Srl"
            + "|S\\.L\\.|SL|Sdn\\.?\\s?Bhd\\.?|Bhd\\.?|Pty\\.?\\s?Ltd\\.?|Pte\\.?\\s?Ltd\\.?|Oy|Oyj|AB|ASA|A/S|ApS"
            + "|K\\.K\\.|Co\\.)";
    private static final String WORD = "(?:[\\p{Lu}\\d][\\p{L}\\d&'’.\\-]*|\\([\\p{Lu}\\d]{1,4}\\))";
    private static final String CONNECTOR = "(?:and|&|of|the|for|de|van|der|und|et|y|e)";
    private static final String GAP = "(?:[ \\t]+|[ \\t]*\\n[ \\t]*)";
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\d&])(" + WORD + "(?:" + GAP + "(?:" + CONNECTOR
            + GAP + ")?" + WORD + "){0,6}),?" + GAP + "?(?=\\p{Lu})((?i:" + LEGAL_FORM + "))(?![\\p{L}\\d])");
    /** Words that open a sentence or a defined term, never a company's name. */
    private static final Set<String> NOT_A_NAME_START = Set.of("the", "this", "that", "each", "such", "any", "a", "an",
            "between", "by", "and", "of", "receiving", "disclosing", "said", "other", "our", "your", "its", "no");

    private final PhraseRecogniser phrase = new PhraseRecogniser(8, true);

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = nameStart(text, matcher.start(), matcher.start(2));
            if (start >= 0) {
                int end = matcher.end();
                matches.add(new Match(start, end, normalise(text.substring(start, end)), 1.0));
            }
            from = matcher.end();
        }
        return matches;
    }

    /** A name read where a label points: a legal-form name starting there, else the phrase. */
    @Override
    public Optional<Match> readAt(String text, int from, int to) {
        int start = Spans.skipSeparators(text, from, to);
        int lineEnd = Spans.lineEnd(text, start, to);
        Optional<Match> named = scan(text.substring(0, Math.min(text.length(), lineEnd + 80))).stream()
                .filter(match -> match.start() == start).findFirst();
        if (named.isPresent()) {
            return named;
        }
        return phrase.readAt(text, from, to).map(m -> new Match(m.start(), m.end(), normalise(m.normalized()), m.strength()));
    }

    /** Organisation names are anchored for names without a legal form, scanned for those with one. */
    @Override
    public boolean anchored() {
        return true;
    }

    /** The start of the name without leading sentence words, or -1 when nothing of a name is left. */
    private static int nameStart(String text, int start, int formStart) {
        int position = start;
        while (position < formStart) {
            int wordEnd = position;
            while (wordEnd < formStart && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (!NOT_A_NAME_START.contains(text.substring(position, wordEnd).toLowerCase(Locale.ROOT))) {
                return text.substring(position, formStart).isBlank() ? -1 : position;
            }
            position = wordEnd;
            while (position < formStart && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
        return -1;
    }

    static String normalise(String printed) {
        return printed.replace(",", " ").replaceAll("\\s&\\s", " and ").replaceAll("\\s+", " ").strip();
    }
}
