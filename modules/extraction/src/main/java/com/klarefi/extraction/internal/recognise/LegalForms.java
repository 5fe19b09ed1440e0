package com.klarefi.extraction.internal.recognise;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs OCR misreadings of two-word legal forms ("SON BHD", "SDN BHO" for "SDN BHD"; "5/B" for
 * "S/B"): where one word of a form is printed right, the word beside it is taken for the form's
 * other word when it differs in one character that OCR confuses (O and D, 5 and S, 0 and O, 3 and B, ...).
 * The repair keeps every character's position, so matches on the repaired text point at the page.
 */
final class LegalForms {
    /** Two-word forms, each word as printed in capitals without its dots. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"SDN", "BHD"}, new String[] {"PTY", "LTD"}, new String[] {"PTE", "LTD"}, new String[] {
                "S/B", ""
            });
    /** Characters OCR takes for one another on receipts' fonts. */
    private static final List<String> CONFUSED = List.of("OD0Q", "S5", "B83", "I1L", "HN", "G6", "Z2");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\d/]{3}(?=\\.?(?![\\p{L}\\d]))");

    private LegalForms() {}

    static String repaired(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            if (token.start() > 0 && Character.isLetterOrDigit(text.charAt(token.start() - 1))) {
                continue;
            }
            String word = token.group().toUpperCase(Locale.ROOT);
            for (String[] pair : PAIRS) {
                for (int side = 0; side < 2; side++) {
                    String form = pair[side];
                    String partner = pair[1 - side];
                    if (form.length() == 3
                            && !word.equals(form)
                            && oneConfusion(word, form)
                            && (partner.isEmpty()
                                    || partnerBeside(text, token.start(), token.end(), partner, side == 0))) {
                        boolean upper = token.group().equals(word);
                        String fixed = upper
                                ? form
                                : form.charAt(0) + form.substring(1).toLowerCase(Locale.ROOT);
                        out.replace(token.start(), token.end(), fixed);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether the partner word stands right after (or before) the token, dots and one space between. */
    private static boolean partnerBeside(String text, int start, int end, String partner, boolean after) {
        String near = after
                ? text.substring(end, Math.min(text.length(), end + 6)).replaceFirst("^\\.?\\s?", "")
                : text.substring(Math.max(0, start - 6), start).replaceFirst("\\.?\\s?$", "");
        String upper = near.toUpperCase(Locale.ROOT);
        return after
                ? upper.startsWith(partner) && (upper.length() == 3 || !Character.isLetterOrDigit(upper.charAt(3)))
                : upper.endsWith(partner)
                        && (upper.length() == 3 || !Character.isLetterOrDigit(upper.charAt(upper.length() - 4)));
    }

    private static boolean oneConfusion(String word, String form) {
        int differences = 0;
        for (int i = 0; i < word.length(); i++) {
            char printed = word.charAt(i);
            char meant = form.charAt(i);
            if (printed != meant) {
                differences++;
                if (differences > 1
                        || CONFUSED.stream().noneMatch(set -> set.indexOf(printed) >= 0 && set.indexOf(meant) >= 0)) {
                    return false;
                }
            }
        }
        return differences == 1;
    }
}
