package com.klarefi.extraction.internal.recognise;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Short free text starting where a label points: a city ({@code text}) or an organisation's name.
 * It ends at the end of the line or cell, at punctuation that closes a phrase, or (for places) at
 * the first word with a digit, because a town is followed by a street or a date, not part of it,
 * and at a clause that goes on in lower case ("New York without giving effect to ..." is "New
 * York"): a place's name is capitalised but for small joining words ("Bergen op Zoom").
 */
final class PhraseRecogniser implements Recogniser {
    private final int maxWords;
    private final boolean digitsAllowed;

    PhraseRecogniser(int maxWords, boolean digitsAllowed) {
        this.maxWords = maxWords;
        this.digitsAllowed = digitsAllowed;
    }

    @Override
    public List<Match> scan(String text) {
        return List.of();
    }

    @Override
    public boolean anchored() {
        return true;
    }

    @Override
    public Optional<Match> readAt(String text, int from, int to) {
        Words words = Words.of(text, Spans.skipSeparators(text, from, to), to);
        if (words.size() == 0 || !Character.isUpperCase(words.word(0).charAt(0))) {
            return Optional.empty();
        }
        int last = -1;
        for (int i = 0; i < words.size() && i < maxWords; i++) {
            String word = words.word(i);
            if (!digitsAllowed && (word.chars().anyMatch(Character::isDigit) || clauseGoesOn(words, i))) {
                break;
            }
            last = i;
            if (word.endsWith(",") || word.endsWith(";") || word.endsWith(".")) {
                break;
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        int start = words.starts().getFirst();
        int end = words.ends().get(last);
        while (end > start && ",;.:".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String value = text.substring(start, end).replaceAll("\\s+", " ");
        return value.length() < 2 ? Optional.empty() : Optional.of(new Match(start, end, value, 0.9));
    }

    /** True when word {@code i} is lower case and is not a joining word followed by a capitalised one. */
    private static boolean clauseGoesOn(Words words, int i) {
        String word = words.word(i);
        if (i == 0 || !Character.isLowerCase(word.charAt(0))) {
            return false;
        }
        int next = i;
        while (next < words.size() && JOINING.contains(words.word(next))) {
            next++;
        }
        return next == i
                || next >= words.size()
                || !Character.isUpperCase(words.word(next).charAt(0));
    }

    private static final Set<String> JOINING = Set.of(
            "of", "op", "aan", "de", "den", "der", "van", "la", "le", "les", "am", "im", "an", "sur", "upon", "on",
            "en", "y");
}
