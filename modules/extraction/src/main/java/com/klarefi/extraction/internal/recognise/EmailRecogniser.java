package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses; a simple pattern is enough because only printed, ordinary addresses matter. */
final class EmailRecogniser implements Recogniser {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            matches.add(new Match(matcher.start(), matcher.end(), matcher.group().toLowerCase(Locale.ROOT), 1.0));
        }
        return matches;
    }
}
