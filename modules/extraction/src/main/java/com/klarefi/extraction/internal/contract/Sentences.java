package com.klarefi.extraction.internal.contract;

import java.util.Locale;
import java.util.Set;

/**
 * Sentences of a contract's running text. A contract wraps its sentences over lines and abbreviates
 * within them ("Kite Pharma, Inc., a Delaware corporation", "James C. Lee", "U.S."): a period ends a
 * sentence only where the next word starts with a capital, outside parentheses, after a word that is
 * no initial or abbreviation.
 */
final class Sentences {
    /** Words whose closing period abbreviates them rather than ending a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "inc", "corp", "co", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "no", "st", "p", "c", "l", "a", "s", "n",
            "u", "v", "vs", "etc", "e.g", "i.e", "b.v", "n.v", "s.a", "l.p", "l.l.c", "u.s", "n.a", "esq", "bhd", "pte",
            "pty", "plc", "llc", "lp", "sec", "seq", "ii", "iii");

    private Sentences() {}

    /** The text with line breaks as spaces: offsets stay, and a name wrapped over two lines reads whole. */
    static String flat(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** Where the sentence holding {@code position} starts, looking back at most {@code reach} characters. */
    static int start(String text, int position, int reach) {
        int from = Math.max(0, position - reach);
        int start = from;
        for (int i = from; i < position; i++) {
            if (endsAt(text, i)) {
                start = i + 1;
            }
        }
        return start;
    }

    /** Where the sentence holding {@code position} ends (after its period), at most at {@code limit}. */
    static int end(String text, int position, int limit) {
        int depth = 0;
        int to = Math.min(limit, text.length());
        for (int i = position; i < to; i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            if (depth == 0 && endsAt(text, i)) {
                return i + 1;
            }
        }
        return to;
    }

    /** True when the character at {@code i} closes a sentence. */
    static boolean endsAt(String text, int i) {
        char c = text.charAt(i);
        if (c != '.' && c != '?' && c != '!') {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next == i + 1 || next >= text.length() || !Character.isUpperCase(text.charAt(next))) {
            return next >= text.length();
        }
        if (c != '.') {
            return true;
        }
        int wordStart = i;
        while (wordStart > 0
                && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String word = text.substring(wordStart, i).replaceAll("^[,(“\"']+", "").toLowerCase(Locale.ROOT);
        return !ABBREVIATIONS.contains(word) && !(word.length() == 1 && Character.isLetter(word.charAt(0)));
    }
}
