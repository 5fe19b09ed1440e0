package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times: {@code 14:30}, {@code 14.30 uur}, {@code 2:30 pm}, {@code 14h30}. Hand-written
 * because java.time parses one pattern at a time and cannot find times in running text. A time
 * written with a dot and no "uur"/"h" could as well be an amount, so it is reported weakly.
 */
final class TimeRecogniser implements Recogniser {
    private static final Pattern TIME =
            Pattern.compile("(?iu)(?<![\\d.,:/-])([01]?\\d|2[0-3])([:.h])([0-5]\\d)(?![\\d]|[.,:]\\d)"
                    + "(?:\\s?(uur|u\\b|h\\b|hrs\\b|a\\.m\\.|p\\.m\\.|am\\b|pm\\b))?");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = TIME.matcher(text);
        while (matcher.find()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = Integer.parseInt(matcher.group(3));
            String suffix = matcher.group(4) == null
                    ? ""
                    : matcher.group(4).toLowerCase(Locale.ROOT).replace(".", "");
            if (suffix.equals("pm") || suffix.equals("am")) {
                if (hour > 12 || hour == 0) {
                    continue;
                }
                hour = suffix.equals("pm") ? hour % 12 + 12 : hour % 12;
            }
            boolean colon = matcher.group(2).equals(":");
            double strength = colon || !suffix.isEmpty() || matcher.group(2).equalsIgnoreCase("h") ? 1.0 : 0.6;
            matches.add(new Match(
                    matcher.start(), matcher.end(), String.format(Locale.ROOT, "%02d:%02d", hour, minute), strength));
        }
        return matches;
    }
}
