package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A person's name starting where a label points: capitalised words, initials and particles. */
final class PersonNameRecogniser implements Recogniser {
    private static final int MAX_WORDS = 6;

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
        List<String> taken = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < words.size() && taken.size() < MAX_WORDS; i++) {
            String word = words.word(i);
            if (!nameWord(word)) {
                break;
            }
            taken.add(word);
            last = i;
            if (word.endsWith(",") && (i + 1 >= words.size() || !nameWord(words.word(i + 1)))) {
                break;
            }
        }
        while (!taken.isEmpty()
                && PersonNames.PARTICLES.contains(PersonNames.bare(taken.getLast()))
                && !text.substring(words.starts().getFirst(), words.ends().get(last))
                        .contains(",")) {
            taken.removeLast();
            last--;
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        String lastWord = taken.getLast();
        int end = words.ends().get(last) - (lastWord.endsWith(",") ? 1 : 0);
        if (lastWord.endsWith(",")) {
            taken.set(taken.size() - 1, lastWord.substring(0, lastWord.length() - 1));
        }
        String name = PersonNames.normalise(taken);
        if (name == null || name.split(" ").length < 2) {
            return Optional.empty();
        }
        int start = words.starts().getFirst();
        boolean initialsOnly = name.split(" ")[0].endsWith(".");
        return Optional.of(new Match(start, end, name, initialsOnly ? 0.6 : 1.0));
    }

    private static boolean nameWord(String word) {
        String bare = word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
        if (bare.isEmpty() || !bare.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '.')) {
            return false;
        }
        if (PersonNames.TITLES.contains(PersonNames.bare(bare))) {
            return true;
        }
        if (PersonNames.PARTICLES.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Character.isUpperCase(bare.charAt(0));
    }
}
