package com.klarefi.extraction.internal.contract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature part of a contract: what follows its last "IN WITNESS WHEREOF" (or, without one,
 * the end of its last page). Whoever signs is a party; a name the opening sentence lists and the
 * signatures repeat is a party for sure. Names are compared by their letters and digits only.
 */
final class Signatures {
    private static final Pattern WITNESS = Pattern.compile("(?i)\\bin\\s+witness\\s+where(?:of|for)\\b");
    /** Without a witness clause, the signatures are among the last characters of the last page. */
    private static final int TAIL = 2500;

    private final String compact;

    private Signatures(String compact) {
        this.compact = compact;
    }

    /**
     * The signature part of a document of these page texts; without a witness clause, the end of
     * the last page after {@code openingEnd} (where the opening sentence ends on that page, else 0).
     */
    static Signatures of(List<String> pages, int openingEnd) {
        for (int page = pages.size() - 1; page >= Math.max(0, pages.size() - 3); page--) {
            String text = pages.get(page);
            int last = -1;
            Matcher witness = WITNESS.matcher(text);
            while (witness.find()) {
                last = witness.start();
            }
            if (last >= 0) {
                StringBuilder rest = new StringBuilder(text.substring(last));
                pages.subList(page + 1, pages.size()).forEach(rest::append);
                return new Signatures(Preamble.key(rest.toString()));
            }
        }
        String text = pages.isEmpty() ? "" : pages.getLast();
        return new Signatures(Preamble.key(
                text.substring(Math.min(text.length(), Math.max(openingEnd, text.length() - TAIL)))));
    }

    /** Whether a name (as {@link Preamble#key}) stands in the signatures. */
    boolean names(String key) {
        return key.length() >= 6 && compact.contains(key.toUpperCase(Locale.ROOT));
    }
}
