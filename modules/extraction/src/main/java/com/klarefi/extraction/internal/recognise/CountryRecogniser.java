package com.klarefi.extraction.internal.recognise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Country names in the languages of {@link #LOCALES}, read as ISO 3166-1 alpha-2 codes; or, as
 * {@link #places()}, countries and first-level subdivisions (US states, provinces) read as their
 * English names. Country names come from the JDK's locale data (Locale, CLDR); common
 * names Locale does not give (e.g. "Groot-Brittannië", "USA", "Engeland") are added by hand because
 * people write them; subdivision names come from the resource {@code subdivisions.tsv}, which
 * names its source.
 */
final class CountryRecogniser implements Recogniser {
    private static final List<Locale> LOCALES = List.of(
            Locale.forLanguageTag("nl"),
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.forLanguageTag("es"),
            Locale.ITALIAN,
            Locale.forLanguageTag("pt"),
            Locale.forLanguageTag("ms"),
            Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("da"),
            Locale.forLanguageTag("pl"));
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("groot-brittannie", "GB"),
            Map.entry("great britain", "GB"),
            Map.entry("britain", "GB"),
            Map.entry("engeland", "GB"),
            Map.entry("england", "GB"),
            Map.entry("schotland", "GB"),
            Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"),
            Map.entry("uk", "GB"),
            Map.entry("united states of america", "US"),
            Map.entry("usa", "US"),
            Map.entry("amerika", "US"),
            Map.entry("verenigde staten van amerika", "US"),
            Map.entry("holland", "NL"),
            Map.entry("tsjechie", "CZ"),
            Map.entry("czech republic", "CZ"),
            Map.entry("turkey", "TR"));
    private static final Pattern WORD =
            Pattern.compile("\\p{Lu}[\\p{L}'-]*(?:\\s+(?:of|van|the|de|du|des|la|\\p{Lu}[\\p{L}'-]*)){0,4}");

    private final Map<String, String> codes;

    CountryRecogniser() {
        this(countryCodes());
    }

    private CountryRecogniser(Map<String, String> codes) {
        this.codes = codes;
    }

    /** Countries and first-level subdivisions, each read as its English name. */
    static CountryRecogniser places() {
        Map<String, String> names = new HashMap<>();
        subdivisions().forEach((code, name) -> names.put(key(name), name));
        countryCodes()
                .forEach((name, code) ->
                        names.putIfAbsent(name, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)));
        return new CountryRecogniser(names);
    }

    /**
     * Countries and first-level subdivisions, each read as the ISO 3166-1 code of its country
     * ("Delaware" as US): the country a document's places lie in.
     */
    static CountryRecogniser regions() {
        Map<String, String> codes = new HashMap<>();
        subdivisions().forEach((code, name) -> codes.put(key(name), code.substring(0, 2)));
        countryCodes().forEach(codes::putIfAbsent);
        return new CountryRecogniser(codes);
    }

    /** ISO 3166-2 code to English name of the subdivisions in {@code subdivisions.tsv}. */
    private static Map<String, String> subdivisions() {
        Map<String, String> names = new HashMap<>();
        try (var in = CountryRecogniser.class.getResourceAsStream("subdivisions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("subdivisions.tsv missing");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && line.contains("\t"))
                    .map(line -> line.split("\t"))
                    .forEach(fields -> names.put(fields[0].strip(), fields[1].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Map<String, String> countryCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            for (Locale language : LOCALES) {
                codes.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
        }
        codes.putAll(EXTRA);
        return codes;
    }

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int end = longestCountry(text, matcher.start(), matcher.end());
            if (end > 0) {
                String code = codes.get(key(text.substring(matcher.start(), end)));
                matches.add(new Match(matcher.start(), end, code, 1.0));
                from = end;
            } else {
                from = matcher.start() + 1;
                while (from < text.length() && Character.isLetter(text.charAt(from))) {
                    from++;
                }
            }
        }
        return matches;
    }

    /** The end of the longest country name starting at {@code start} within the phrase, or 0. */
    private int longestCountry(String text, int start, int phraseEnd) {
        int end = phraseEnd;
        while (end > start) {
            if (codes.containsKey(key(text.substring(start, end)))) {
                return end;
            }
            int space = text.lastIndexOf(' ', end - 1);
            int newline = text.lastIndexOf('\n', end - 1);
            end = Math.max(space, newline);
            if (end <= start) {
                return 0;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return 0;
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
