package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * IBANs printed compact or in groups of four. Finding where one ends is hand-written (the country's
 * length decides); iban4j checks the country format and the check digits, so a mistyped IBAN is
 * not a value.
 */
final class IbanRecogniser implements Recogniser {
    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\d])([A-Za-z]{2})(\\d{2})[ ]?[A-Za-z0-9]");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = START.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            from = matcher.start() + 1;
            CountryCode country = CountryCode.getByCode(matcher.group(1).toUpperCase(Locale.ROOT));
            if (country == null || !IbanUtil.isSupportedCountry(country)) {
                continue;
            }
            int length = IbanUtil.getIbanLength(country);
            StringBuilder compact = new StringBuilder();
            int i = matcher.start();
            while (i < text.length() && compact.length() < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    compact.append(Character.toUpperCase(c));
                } else if (c != ' ' || i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
                    break;
                }
                i++;
            }
            if (compact.length() == length && (i >= text.length() || !Character.isLetterOrDigit(text.charAt(i)))
                    && valid(compact.toString())) {
                matches.add(new Match(matcher.start(), i, compact.toString(), 1.0));
                from = i;
            }
        }
        return matches;
    }

    @Override
    public boolean selfChecking() {
        return true;
    }

    static boolean valid(String iban) {
        try {
            IbanUtil.validate(iban);
            return true;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            return false;
        }
    }
}
