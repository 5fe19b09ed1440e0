package com.klarefi.extraction.internal.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a text says: words (numbers and punctuation dropped), abbreviations expanded, function
 * words dropped, then the longest lexicon terms first (up to four words); a word the lexicon does
 * not know as a whole may be a compound of its words ("Ongevalsdatum"), else it stays itself, by
 * its stems.
 */
final class MeaningReader {
    /** Words, and numbers of one or two digits, which count only inside a term ("Voertuig 2"). */
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{M}]+(?:[-'’.][\\p{L}\\p{M}]+)*|(?<![\\p{L}\\d])\\d{1,2}(?![\\d])");

    private static final int LONGEST_TERM = 4;
    /** The shortest abbreviation at the end of a compound ("nr"), and the shortest word before it. */
    private static final int SHORTEST_PART = 2;

    private static final int SHORTEST_HEAD = 4;
    /** Each word of a run printed without spaces has at least this many letters. */
    private static final int CAMEL_PART = 3;

    private static final double PARENTHESISED = 0.5;

    /** A word of the text at {@code [start, end)}; {@code dotted} when a dot follows it. */
    record Word(String text, int start, int end, boolean dotted, boolean parenthesised) {}

    private final Lexicon lexicon;

    MeaningReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int depth = 0;
        int scanned = 0;
        while (matcher.find()) {
            for (int i = scanned; i < matcher.start(); i++) {
                char c = text.charAt(i);
                depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            }
            depth = Math.max(depth, 0);
            scanned = matcher.start();
            boolean dotted = matcher.end() < text.length() && text.charAt(matcher.end()) == '.';
            if (partOfAddress(text, matcher.start(), matcher.end())) {
                continue;
            }
            // words printed without spaces keep their capitals: "TotalAmtRounded" is "Total Amt Rounded" (not "KvK")
            int part = matcher.start();
            for (int i = matcher.start() + 1; i < matcher.end(); i++) {
                if (Character.isLowerCase(text.charAt(i - 1))
                        && Character.isUpperCase(text.charAt(i))
                        && i - part >= CAMEL_PART
                        && camelTail(text, i, matcher.end())) {
                    words.add(new Word(text.substring(part, i), part, i, false, depth > 0));
                    part = i;
                }
            }
            words.add(new Word(text.substring(part, matcher.end()), part, matcher.end(), dotted, depth > 0));
        }
        return words;
    }

    /** Whether a capital at {@code from} opens a word of {@link #CAMEL_PART} letters or more, in lower case after it. */
    private static boolean camelTail(String text, int from, int end) {
        int i = from + 1;
        while (i < end && Character.isLowerCase(text.charAt(i))) {
            i++;
        }
        return i - from >= CAMEL_PART;
    }

    /** A word of an e-mail or web address ("schade@...", "www.schade.nl") says nothing as a key. */
    private static boolean partOfAddress(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        return before == '@'
                || after == '@'
                || before == '.'
                || before == '/'
                || after == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1));
    }

    /**
     * The meaning of a text. With {@code compounds}, words may be split into the lexicon's words
     * (keys and labels); running text is read word by word, where a split would find words by chance.
     */
    Meaning read(String text, boolean compounds) {
        List<Word> words = new ArrayList<>();
        for (Word word : words(text)) {
            String folded = Lexicon.foldAbbreviation(word.text());
            List<String> expansion = lexicon.expansion(folded, word.dotted());
            if (expansion == null) {
                expansion = compoundAbbreviation(folded, word.dotted());
            }
            if (expansion != null) {
                expansion.forEach(
                        part -> words.add(new Word(part, word.start(), word.end(), false, word.parenthesised())));
            } else if (!lexicon.stopword(folded)) {
                // a word the lexicon does not know may be one of its words with a character misread
                String meant = lexicon.misread(folded).orElse(folded);
                words.add(new Word(meant, word.start(), word.end(), word.dotted(), word.parenthesised()));
            }
        }
        words.removeIf(word -> lexicon.stopword(WordForms.fold(word.text())));
        List<Map<Language, WordForms.Forms>> forms = words.stream()
                .map(word -> lexicon.forms().of(word.text(), compounds))
                .toList();
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(LONGEST_TERM, words.size() - i);
            Set<String> concepts = Set.of();
            for (; length > 0 && concepts.isEmpty(); length--) {
                concepts = lookup(words.subList(i, i + length), forms.subList(i, i + length));
            }
            length++;
            Word first = words.get(i);
            Word last = words.get(i + length - 1);
            double weight = first.parenthesised() ? PARENTHESISED : 1;
            if (concepts.isEmpty() && compounds) {
                Set<String> parts = parts(forms.get(i));
                if (!parts.isEmpty()) {
                    // each part of a compound says something of its own: "Ongevals|datum" is an incident and a date
                    parts.forEach(
                            part -> units.add(new Unit(Set.of(part), Set.of(), weight, first.start(), last.end())));
                    i += length;
                    continue;
                }
            }
            if (concepts.isEmpty() && Character.isDigit(first.text().charAt(0))) {
                i += length;
                continue;
            }
            Set<String> stems = new HashSet<>();
            if (concepts.isEmpty()) {
                forms.get(i).values().forEach(f -> stems.add(f.whole()));
            }
            units.add(new Unit(concepts, stems, weight, first.start(), last.end()));
            i += length;
        }
        return new Meaning(units);
    }

    /**
     * A word of the lexicon with an abbreviation at its end ("Vluchtnr.", "Klantnr"), as the word and
     * the abbreviation's expansion, or null.
     */
    private List<String> compoundAbbreviation(String folded, boolean dotted) {
        for (int length = SHORTEST_PART; length <= folded.length() - SHORTEST_HEAD; length++) {
            String head = folded.substring(0, folded.length() - length);
            List<String> tail = lexicon.expansion(folded.substring(head.length()), dotted);
            if (tail != null && !lexicon.exact(head).isEmpty()) {
                List<String> parts = new ArrayList<>();
                parts.add(head);
                parts.addAll(tail);
                return parts;
            }
        }
        return null;
    }

    /**
     * The concepts of a phrase: those with a term of exactly its words, else those with a term of its
     * stems in some language. Stems of different words meet ("insured" and "insurer" are both
     * "insur" in English); the words as written tell them apart.
     */
    private Set<String> lookup(List<Word> words, List<Map<Language, WordForms.Forms>> phrase) {
        StringBuilder written = new StringBuilder();
        for (Word word : words) {
            written.append(written.isEmpty() ? "" : " ").append(WordForms.fold(word.text()));
        }
        Set<String> exact = lexicon.exact(written.toString());
        if (!exact.isEmpty()) {
            return exact;
        }
        Set<String> concepts = new HashSet<>();
        for (Language language : Language.values()) {
            StringBuilder key = new StringBuilder();
            for (Map<Language, WordForms.Forms> word : phrase) {
                key.append(key.isEmpty() ? "" : " ").append(word.get(language).whole());
            }
            concepts.addAll(lexicon.lookup(language, key.toString()));
        }
        return concepts;
    }

    private Set<String> parts(Map<Language, WordForms.Forms> word) {
        Set<String> concepts = new HashSet<>();
        word.forEach(
                (language, forms) -> forms.parts().forEach(part -> concepts.addAll(lexicon.lookup(language, part))));
        return concepts;
    }
}
