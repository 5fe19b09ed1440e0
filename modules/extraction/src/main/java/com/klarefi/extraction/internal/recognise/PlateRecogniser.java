package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dutch licence plates of side codes 1 to 14, with or without dashes, in any case. The side codes
 * are public RDW knowledge written down here (no library covers them); a compact plate gets the
 * dashes of the one side code whose letter/digit pattern it fits.
 */
final class PlateRecogniser implements Recogniser {
    /** Side codes 1-14; X a letter, 9 a digit. */
    private static final List<String> SIDE_CODES = List.of(
            "XX-99-99",
            "99-99-XX",
            "99-XX-99",
            "XX-99-XX",
            "XX-XX-99",
            "99-XX-XX",
            "99-XXX-9",
            "9-XXX-99",
            "XX-999-X",
            "X-999-XX",
            "XXX-99-X",
            "X-99-XXX",
            "9-XX-999",
            "999-XX-9");
    /** A plate read with a look-alike character repaired is a little less sure than one read as printed. */
    private static final double REPAIRED = 0.9;

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\d-])([A-Za-z0-9]{1,3}-[A-Za-z0-9]{2,3}-[A-Za-z0-9]{1,3}|[A-Za-z0-9]{6})(?![\\p{L}\\d]|-[\\p{L}\\d])");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String printed = matcher.group(1);
            String plate = normalise(printed);
            if (plate != null) {
                boolean dashed = printed.indexOf('-') >= 0;
                boolean upper = printed.equals(printed.toUpperCase(Locale.ROOT));
                boolean repaired =
                        !plate.replace("-", "").equals(printed.replace("-", "").toUpperCase(Locale.ROOT));
                double strength = (dashed ? 1.0 : upper ? 0.9 : 0.6) * (repaired ? REPAIRED : 1);
                matches.add(new Match(matcher.start(), matcher.end(), plate, strength));
            }
        }
        return matches;
    }

    /**
     * Look-alikes OCR confuses, letter for digit: a plate holds no vowel, so a 1 in a letter's
     * place is an l and an O or I in a digit's place is a 0 or 1.
     */
    private static final String LOOKALIKE_LETTERS = "LSBZOI";

    private static final String LOOKALIKE_DIGITS = "158201";

    /**
     * The plate with its side code's dashes, or null when the text is no Dutch plate. A dashed plate
     * that fits no side code fits one with a single look-alike character read as the other
     * ("1-342-jb" for "l-342-jb"), if exactly one such reading fits.
     */
    static String normalise(String printed) {
        String plate = asPrinted(printed);
        if (plate != null || printed.indexOf('-') < 0) {
            return plate;
        }
        String upper = printed.toUpperCase(Locale.ROOT);
        // a digit is read as a letter only in a plate printed in lower case, where an l looks like a 1
        boolean lowerCase = printed.chars().anyMatch(Character::isLowerCase);
        java.util.Set<String> readings = new java.util.HashSet<>();
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            int letter = LOOKALIKE_LETTERS.indexOf(c);
            int digit = lowerCase ? LOOKALIKE_DIGITS.indexOf(c) : -1;
            char other =
                    letter >= 0 ? LOOKALIKE_DIGITS.charAt(letter) : digit >= 0 ? LOOKALIKE_LETTERS.charAt(digit) : c;
            if (other != c) {
                String reading = asPrinted(upper.substring(0, i) + other + upper.substring(i + 1));
                if (reading != null) {
                    readings.add(reading);
                }
            }
        }
        return readings.size() == 1 ? readings.iterator().next() : null;
    }

    private static String asPrinted(String printed) {
        String upper = lowerCaseL(printed).toUpperCase(Locale.ROOT);
        String compact = upper.replace("-", "");
        if (compact.length() != 6) {
            return null;
        }
        for (String sideCode : SIDE_CODES) {
            if (fits(compact, sideCode.replace("-", ""))) {
                String dashed = withDashes(compact, sideCode);
                return upper.indexOf('-') < 0 || upper.equals(dashed) ? dashed : null;
            }
        }
        return null;
    }

    /**
     * A capital I among lower-case letters is a lower-case l as OCR reads it in most typefaces
     * ("Ir-dg-95" for "lr-dg-95"): a plate is printed in one case.
     */
    private static String lowerCaseL(String printed) {
        boolean lowerCase = printed.chars()
                        .filter(Character::isLetter)
                        .filter(c -> c != 'I')
                        .allMatch(Character::isLowerCase)
                && printed.chars().anyMatch(Character::isLowerCase);
        return lowerCase ? printed.replace('I', 'l') : printed;
    }

    private static boolean fits(String compact, String shape) {
        for (int i = 0; i < shape.length(); i++) {
            char c = compact.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (shape.charAt(i) == 'X' ? !letter : !digit) {
                return false;
            }
        }
        return true;
    }

    private static String withDashes(String compact, String sideCode) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sideCode.length(); i++) {
            out.append(sideCode.charAt(i) == '-' ? '-' : compact.charAt(next++));
        }
        return out.toString();
    }
}
