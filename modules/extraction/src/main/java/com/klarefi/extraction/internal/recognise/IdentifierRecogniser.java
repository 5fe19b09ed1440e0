package com.klarefi.extraction.internal.recognise;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An identifier where a label points, as printed: a run of letters, digits and {@code - / . _}
 * with at least one digit. A short prefix split off by a space ("PS 6725-4508", "KL 1234") belongs
 * to it. Up to two lower-case words between label and value ("polisnummer is ...") are skipped.
 * With a configured pattern the identifier must match it, and is also found without a label.
 * Without one, a date ("22-12-2021", "5 January") is no identifier: on scans a label's own value
 * is often lost and the next value in reach is a date.
 */
final class IdentifierRecogniser implements Recogniser {
    private static final Pattern TOKEN =
            Pattern.compile("(?:[A-Z0-9]{1,3}\\s)?[A-Za-z0-9](?:[A-Za-z0-9./_-]*[A-Za-z0-9])?");
    private static final Pattern FILLER = Pattern.compile("(?:\\p{Ll}+\\.?\\s+){1,2}");
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern DAY_AND_WORD = Pattern.compile("\\d{1,2}\\s(\\p{L}+\\.?)");

    private final CalendarWords calendar = new CalendarWords();

    private final Optional<Pattern> pattern;
    private final Optional<Pattern> scanner;

    IdentifierRecogniser(Optional<Pattern> pattern) {
        this.pattern = pattern;
        this.scanner = pattern.map(p -> Pattern.compile("(?<![\\p{L}\\d])(?:" + p.pattern() + ")(?![\\p{L}\\d])"));
    }

    @Override
    public List<Match> scan(String text) {
        if (scanner.isEmpty()) {
            return List.of();
        }
        Matcher matcher = scanner.get().matcher(text);
        return matcher.results()
                .map(result -> new Match(result.start(), result.end(), normalise(result.group()), 1.0))
                .toList();
    }

    @Override
    public boolean anchored() {
        return scanner.isEmpty();
    }

    @Override
    public Optional<Match> readAt(String text, int from, int to) {
        int start = Spans.skipSeparators(text, from, to);
        int end = Spans.lineEnd(text, start, to);
        Matcher filler = FILLER.matcher(text).region(start, end);
        if (filler.lookingAt() && !read(text, start, end).isPresent()) {
            start = filler.end();
        }
        return read(text, start, end);
    }

    private Optional<Match> read(String text, int start, int end) {
        Matcher token = TOKEN.matcher(text).region(start, end);
        if (!token.lookingAt()) {
            return Optional.empty();
        }
        String value = token.group();
        if (value.chars().noneMatch(Character::isDigit) || value.length() < 3) {
            return Optional.empty();
        }
        if (pattern.isPresent() ? !pattern.get().matcher(value).matches() : date(value)) {
            return Optional.empty();
        }
        return Optional.of(new Match(token.start(), token.end(), normalise(value), 1.0));
    }

    private boolean date(String value) {
        Matcher dayAndWord = DAY_AND_WORD.matcher(value);
        return NUMERIC_DATE.matcher(value).matches() || dayAndWord.matches() && calendar.month(dayAndWord.group(1)) > 0;
    }

    /**
     * As printed with whitespace collapsed; when a pattern is configured and the value also matches
     * it without spaces, the compact form, so "KL 1234" and "KL1234" are one value.
     */
    private String normalise(String printed) {
        String collapsed = printed.replaceAll("\\s+", " ").strip();
        String compact = collapsed.replace(" ", "");
        return pattern.filter(p -> p.matcher(compact).matches())
                .map(p -> compact)
                .orElse(collapsed);
    }
}
