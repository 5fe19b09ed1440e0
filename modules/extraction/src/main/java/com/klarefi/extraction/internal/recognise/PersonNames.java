package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading a person's name as printed into "first names, tussenvoegsel, surname": "Dijk, Jan van",
 * "VAN DER LINDEN, JAN" and "Dhr. J. de Vries" all occur. The particles and titles are Dutch and
 * European naming knowledge written down by hand; no library covers Dutch name order.
 */
final class PersonNames {
    static final Set<String> PARTICLES = Set.of(
            "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "in", "op", "uit", "la", "le", "du", "da", "di",
            "del", "della", "von", "zu", "vom", "el", "al", "d'", "dos", "das", "y");
    static final Set<String> TITLES = Set.of(
            "dhr", "mevr", "mr", "mrs", "ms", "miss", "dr", "drs", "ir", "ing", "prof", "herr", "frau", "mme", "mlle",
            "m", "heer", "mevrouw", "de heer", "sir");

    private PersonNames() {}

    /** The name in reading order with normal capitals, or null when the words are no name. */
    static String normalise(List<String> words) {
        List<String> parts = new ArrayList<>(words);
        while (!parts.isEmpty() && TITLES.contains(bare(parts.getFirst()))) {
            parts.removeFirst();
        }
        int comma = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).endsWith(",")) {
                comma = i;
                parts.set(i, parts.get(i).substring(0, parts.get(i).length() - 1));
            }
        }
        if (comma >= 0) {
            parts = reorder(parts, comma);
        }
        if (parts.size() < 2 || parts.size() > 6) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String word = parts.get(i);
            boolean particle = PARTICLES.contains(word.toLowerCase(Locale.ROOT)) && i > 0 && i < parts.size() - 1;
            out.add(particle ? word.toLowerCase(Locale.ROOT) : capitalise(word));
        }
        return String.join(" ", out);
    }

    /** "Surname particles, Given particles" becomes "Given particles Surname". */
    private static List<String> reorder(List<String> parts, int comma) {
        List<String> surname = new ArrayList<>(parts.subList(0, comma + 1));
        List<String> rest = new ArrayList<>(parts.subList(comma + 1, parts.size()));
        List<String> trailingParticles = new ArrayList<>();
        while (!rest.isEmpty() && PARTICLES.contains(rest.getLast().toLowerCase(Locale.ROOT))) {
            trailingParticles.addFirst(rest.removeLast());
        }
        List<String> out = new ArrayList<>(rest);
        out.addAll(trailingParticles);
        out.addAll(surname);
        return out;
    }

    private static String capitalise(String word) {
        if (word.length() <= 1 || word.endsWith(".")) {
            return word.toUpperCase(Locale.ROOT);
        }
        boolean allUpper = word.equals(word.toUpperCase(Locale.ROOT));
        if (!allUpper && Character.isUpperCase(word.charAt(0))) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.toLowerCase(Locale.ROOT));
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        for (int i = 1; i < out.length(); i++) {
            if (out.charAt(i - 1) == '-' || out.charAt(i - 1) == '\'') {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "").replace(",", "");
    }
}
