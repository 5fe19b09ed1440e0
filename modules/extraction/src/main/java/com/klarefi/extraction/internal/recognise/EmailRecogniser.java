package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses; a simple pattern is enough because only printed, ordinary addresses matter. OCR
 * may set an underscore apart from the word before it ("marloes _terhorst@..."): an address that
 * begins with one continues that word, and a space beside the at sign is no part of the address.
 */
final class EmailRecogniser implements Recogniser {
    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]+ ?@ ?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\w.+-]+ $");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            // OCR may also set the at sign apart ("epeters91 @outlook.com")
            String address = matcher.group().replace(" ", "");
            if (address.startsWith("_")) {
                Matcher before = WORD_BEFORE.matcher(text).region(Math.max(0, start - 40), start);
                if (before.find()) {
                    address = text.substring(before.start(), start - 1) + address;
                    start = before.start();
                }
            }
            matches.add(new Match(start, matcher.end(), address.toLowerCase(Locale.ROOT), 1.0));
        }
        return matches;
    }
}
