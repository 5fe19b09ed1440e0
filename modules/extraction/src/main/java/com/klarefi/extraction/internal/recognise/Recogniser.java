package com.klarefi.extraction.internal.recognise;

import java.util.List;
import java.util.Optional;

/**
 * Finds values of one feature type in page text. Scanning recognisers find values anywhere (a
 * date looks like a date wherever it is); anchored ones only read the value that starts a span the
 * layout points at (a name is only a name next to a label).
 */
public interface Recogniser {
    /** Every plausible value in the text; empty for anchored recognisers. */
    List<Match> scan(String text);

    /** The value at the start of {@code text[from, to)}, skipping leading separators. */
    default Optional<Match> readAt(String text, int from, int to) {
        int start = Spans.skipSeparators(text, from, to);
        return scan(text.substring(start, to)).stream()
                .filter(match -> match.start() == 0)
                .findFirst()
                .map(match -> new Match(start, start + match.end(), match.normalized(), match.strength()));
    }

    /**
     * True when a value carries check digits that a misread character breaks (an IBAN's): a value
     * that passes them was read right, however unsure the OCR was of its characters.
     */
    default boolean selfChecking() {
        return false;
    }

    /** True when values are only read next to labels, never scanned from the whole text. */
    default boolean anchored() {
        return false;
    }
}
