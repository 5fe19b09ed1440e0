package com.klarefi.extraction.internal.recognise;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers in national and international forms, via libphonenumber; national ones read as
 * Dutch. Numbers need only be possible, not assigned: number ranges change faster than the
 * library's metadata, and labels decide whether a number is the one asked for.
 */
final class PhoneRecogniser implements Recogniser {
    private static final String DEFAULT_REGION = "NL";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        for (PhoneNumberMatch found :
                util.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            String e164 = util.format(found.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
            matches.add(new Match(found.start(), found.end(), e164, 1.0));
        }
        return matches;
    }
}
