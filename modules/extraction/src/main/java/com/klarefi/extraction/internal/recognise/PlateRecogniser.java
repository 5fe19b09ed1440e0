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
            "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
            "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9");
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
                double strength = dashed ? 1.0 : upper ? 0.9 : 0.6;
                matches.add(new Match(matcher.start(), matcher.end(), plate, strength));
            }
        }
        return matches;
    }

    /** The plate with its side code's dashes, or null when the text is no Dutch plate. */
    static String normalise(String printed) {
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
        boolean lowerCase = printed.chars().filter(Character::isLetter).filter(c -> c != 'I').allMatch(Character::isLowerCase)
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
