package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract's opening sentence: "This Agreement (...) is made as of [date] by and between X, a
 * Delaware corporation (the "Company"), and Y ("Employee")". The parties are the names that open
 * the items of the list after the cue; items are split by a joining word or a semicolon outside
 * parentheses, or by the comma after a defined term. A defined term in quotes, in parentheses after
 * a party's name, says that the sentence itself names the party, not merely someone it mentions.
 */
final class Preamble {
    private static final Pattern CUE =
            Pattern.compile("(?i)\\b(?:by\\s+and\\s+between|by\\s+and\\s+among|between|among)\\b");
    private static final Pattern AGREEMENT = Pattern.compile("(?i)\\b(?:agreement|contract|covenant|undertaking)\\b");
    private static final Pattern JOIN = Pattern.compile("(?i)^(?:,?\\s+and\\s+|;\\s*(?:and\\s+)?|,\\s+(?=\\p{Lu}))");
    /** A defined term in parentheses; one that names an agreement ("the Rights Agreement") defines no party. */
    private static final Pattern DEFINED =
            Pattern.compile("\\((?:[^()]{0,40}?[“\"”](?![^()“\"”]{0,40}\\b(?i:agreement|contract)\\b)"
                    + "[^()“\"”]{1,40}[”\"“]|\\s*hereinafter\\b)");
    /** The opening sentence stands within the first characters of the first pages. */
    private static final int OPENING = 4000;

    private static final int SENTENCE_BACK = 700;
    private static final int SENTENCE_AHEAD = 1200;

    /** A party the sentence names: the name is read from {@code start} up to {@code end}. */
    record Party(int start, int end, String key, boolean defined) {}

    private final String flat;
    private final int start;
    private final int end;
    private final List<Party> parties;

    private Preamble(String flat, int start, int end, List<Party> parties) {
        this.flat = flat;
        this.start = start;
        this.end = end;
        this.parties = parties;
    }

    /** The opening sentence of a page whose text runs flat (line breaks as spaces), if it has one. */
    static Optional<Preamble> find(String flat, Recogniser names) {
        Matcher cue = CUE.matcher(flat).region(0, Math.min(flat.length(), OPENING));
        while (cue.find()) {
            int sentence = Sentences.start(flat, cue.start(), SENTENCE_BACK);
            if (!AGREEMENT.matcher(flat).region(sentence, cue.start()).find()) {
                continue;
            }
            int sentenceEnd = Sentences.end(flat, cue.end(), cue.end() + SENTENCE_AHEAD);
            List<Party> parties = parties(flat, cue.end(), sentenceEnd, names);
            if (!parties.isEmpty()) {
                return Optional.of(new Preamble(flat, sentence, sentenceEnd, parties));
            }
        }
        return Optional.empty();
    }

    List<Party> parties() {
        return parties;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    String text() {
        return flat;
    }

    private static List<Party> parties(String flat, int from, int to, Recogniser names) {
        List<Party> parties = new ArrayList<>();
        List<int[]> items = items(flat, from, to);
        int covered = from;
        for (int i = 0; i < items.size(); i++) {
            int[] item = items.get(i);
            if (item[0] < covered) {
                continue;
            }
            Optional<Match> name = names.readAt(flat, item[0], to)
                    .filter(match -> match.end() <= to && startsItem(flat, item[0], match.start()));
            // a name may hold a joining word of its own ("Sears, Roebuck and Co."): its item runs on
            int itemEnd = item[1];
            for (int j = i + 1;
                    name.isPresent()
                            && j < items.size()
                            && items.get(j)[0] < name.get().end();
                    j++) {
                itemEnd = items.get(j)[1];
            }
            itemEnd = Math.max(itemEnd, name.map(Match::end).orElse(item[0]));
            covered = itemEnd;
            boolean defined = DEFINED.matcher(flat)
                    .region(name.map(Match::end).orElse(item[0]), itemEnd)
                    .find();
            if (name.isPresent()) {
                parties.add(
                        new Party(name.get().start(), itemEnd, key(name.get().normalized()), defined));
            } else if (defined && !parties.isEmpty()) {
                // a descriptor split off by its own "and" ("organized and existing under ... ("Acme")")
                Party last = parties.removeLast();
                parties.add(new Party(last.start(), last.end(), last.key(), true));
            }
        }
        return parties;
    }

    private static boolean startsItem(String flat, int itemStart, int nameStart) {
        return flat.substring(itemStart, nameStart)
                .chars()
                .allMatch(c -> Character.isWhitespace(c) || c == ',' || c == ':');
    }

    /** Items of the list {@code [from, to)}: split at joins outside parentheses. */
    private static List<int[]> items(String flat, int from, int to) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int itemStart = from;
        boolean afterParenthesis = false;
        for (int i = from; i < to; i++) {
            char c = flat.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
                afterParenthesis = depth == 0;
                continue;
            }
            if (depth > 0) {
                continue;
            }
            Matcher join = JOIN.matcher(flat).region(i, to);
            if (join.lookingAt()
                    && (c != ',' || afterParenthesis || join.group().contains("and"))) {
                items.add(new int[] {itemStart, i});
                itemStart = join.end();
                i = join.end() - 1;
            }
            if (!Character.isWhitespace(c)) {
                afterParenthesis = false;
            }
        }
        items.add(new int[] {itemStart, to});
        return items;
    }

    /** A name compared by its letters and digits only: "KITE PHARMA, INC." is "Kite Pharma, Inc.". */
    static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
