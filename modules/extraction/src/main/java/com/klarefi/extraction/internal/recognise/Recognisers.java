package com.klarefi.extraction.internal.recognise;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The recogniser of each feature type; recognisers are stateless and shared. */
public final class Recognisers {
    /** 8 digits, printed plain, as 12.345.678 or as 1234 5678. */
    private static final Pattern KVK = Pattern.compile(
            "(?<![\\d.,-])(\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3}|\\d{4} \\d{4})(?![\\d]|[.,-]\\d)");
    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\d])([1-9]\\d{3}) ?([A-Z]{2})(?![\\p{L}\\d])");
    private static final Pattern DURATION = Pattern.compile("(?iu)(?<![\\d.,])(\\d{1,3})\\s*(-\\s*)?"
            + "(jaren|jaar|years?|jahre?n?|ans?|maanden|maand|months?|monate?n?|mois|weken|week|weeks|wochen?|semaines?"
            + "|dagen|dag|days?|tage?n?|jours?)(?!\\p{L})");

    private static final java.util.Set<String> NOT_ISSUED = java.util.Set.of("SA", "SD", "SS");

    private final Map<FeatureType, Recogniser> byType = new EnumMap<>(FeatureType.class);
    private final Map<String, Recogniser> identifiers = new ConcurrentHashMap<>();

    public Recognisers() {
        byType.put(FeatureType.DATE, new DateRecogniser());
        byType.put(FeatureType.TIME, new TimeRecogniser());
        byType.put(FeatureType.MONEY, new MoneyRecogniser());
        byType.put(FeatureType.IBAN, new IbanRecogniser());
        byType.put(FeatureType.LICENSE_PLATE, new PlateRecogniser());
        byType.put(FeatureType.PHONE, new PhoneRecogniser());
        byType.put(FeatureType.EMAIL, new EmailRecogniser());
        byType.put(FeatureType.PERSON_NAME, new PersonNameRecogniser());
        byType.put(FeatureType.ORGANIZATION_NAME, new PhraseRecogniser(8, true));
        byType.put(FeatureType.TEXT, new PhraseRecogniser(5, false));
        byType.put(FeatureType.COUNTRY, new CountryRecogniser());
        byType.put(FeatureType.KVK, new PatternRecogniser(KVK, m -> m.group(1).replaceAll("[. ]", ""), 1.0));
        byType.put(FeatureType.POSTCODE, new PatternRecogniser(POSTCODE, Recognisers::postcode, 1.0));
        byType.put(FeatureType.DURATION, new PatternRecogniser(DURATION, Recognisers::duration, 1.0));
    }

    /** The recogniser for a feature: by type, or for identifiers by type and pattern. */
    public Recogniser forFeature(FeatureDefinition feature) {
        if (feature.type() == FeatureType.IDENTIFIER) {
            Optional<Pattern> pattern = feature.pattern();
            return identifiers.computeIfAbsent(pattern.map(Pattern::pattern).orElse(""),
                    key -> new IdentifierRecogniser(pattern));
        }
        return byType.get(feature.type());
    }

    private static String postcode(Matcher matcher) {
        String letters = matcher.group(2);
        // SA, SD and SS are not issued as postcode letters.
        return NOT_ISSUED.contains(letters) ? null : matcher.group(1) + " " + letters;
    }

    private static String duration(Matcher matcher) {
        int amount = Integer.parseInt(matcher.group(1));
        String unit = matcher.group(3).toLowerCase(Locale.ROOT);
        if (unit.startsWith("j") && !unit.startsWith("jour") || unit.startsWith("y") || unit.startsWith("an")) {
            return amount + "_years";
        }
        if (unit.startsWith("m")) {
            return amount + "_months";
        }
        if (unit.startsWith("w") || unit.startsWith("s")) {
            return amount * 7 + "_days";
        }
        return amount + "_days";
    }
}
