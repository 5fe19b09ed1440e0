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
 * not a value. OCR confuses letters and digits of one shape (O and 0, S and 5): where the check
 * digits fail, one such character read as the other that makes them hold is taken as the
 * misreading, so "NLO6 ASNB ..." is NL06.
 */
final class IbanRecogniser implements Recogniser {
    private static final Pattern START =
            Pattern.compile("(?<![\\p{L}\\d])([A-Za-z]{2})([0-9OoSIlBZ]{2})[ ]?[A-Za-z0-9]");
    /** Characters of one shape, as OCR confuses them: letter and digit. */
    private static final String LETTERS = "OSIBZ";

    private static final String DIGITS = "05182";
    /** An IBAN whose characters were repaired is a little less sure than one read as printed. */
    private static final double REPAIRED = 0.9;

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
            if (compact.length() == length && (i >= text.length() || !Character.isLetterOrDigit(text.charAt(i)))) {
                String read = compact.toString();
                String iban = valid(read) ? read : repaired(read);
                if (iban != null) {
                    matches.add(new Match(matcher.start(), i, iban, iban.equals(read) ? 1.0 : REPAIRED));
                    from = i;
                }
            }
        }
        return matches;
    }

    @Override
    public boolean selfChecking() {
        return true;
    }

    /**
     * The IBAN OCR misread, or null: its check digits as digits, then at most one other character
     * of the BBAN read as its look-alike; the first reading whose check digits hold.
     */
    static String repaired(String read) {
        char[] chars = read.toCharArray();
        for (int i = 2; i < 4; i++) {
            int letter = LETTERS.indexOf(Character.toUpperCase(chars[i]));
            chars[i] = letter >= 0 ? DIGITS.charAt(letter) : chars[i];
        }
        String digits = new String(chars);
        if (valid(digits)) {
            return digits;
        }
        for (int i = 4; i < chars.length; i++) {
            char original = chars[i];
            int letter = LETTERS.indexOf(original);
            int digit = DIGITS.indexOf(original);
            chars[i] = letter >= 0 ? DIGITS.charAt(letter) : digit >= 0 ? LETTERS.charAt(digit) : original;
            if (chars[i] != original && valid(new String(chars))) {
                return new String(chars);
            }
            chars[i] = original;
        }
        return null;
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
