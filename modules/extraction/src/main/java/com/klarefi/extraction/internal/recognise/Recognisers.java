package com.klarefi.extraction.internal.recognise;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The recogniser of each feature type; recognisers are stateless and shared. */
public final class Recognisers {
    /** 8 digits, printed plain, as 12.345.678 or as 1234 5678. */
    private static final Pattern KVK =
            Pattern.compile("(?<![\\d.,-])(\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3}|\\d{4} \\d{4})(?![\\d]|[.,-]\\d)");

    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\d])([1-9]\\d{3}) ?([A-Z]{2})(?![\\p{L}\\d])");

    private static final Set<String> NOT_ISSUED = Set.of("SA", "SD", "SS");

    private final Map<FeatureType, Recogniser> byType;
    private final Map<String, Recogniser> identifiers;
    private final Map<String, Recogniser> moneyByCurrency;
    private final Recogniser blocks;
    private final Recogniser namesAsPrinted;
    private final DateRecogniser dates;
    /** Places read as their country's code: the countries a document speaks of. */
    private final Recogniser regions;
    /** These recognisers with dates read in a document's order, made once per order. */
    private final Map<DateOrder, Recognisers> inDateOrder;

    /** The reader of postal address blocks (street lines down to a postcode line). */
    public Recogniser addressBlocks() {
        return blocks;
    }

    /** The same recognisers, reading ambiguous numeric dates in {@code order}. */
    private Recognisers(Recognisers base, DateOrder order) {
        byType = new EnumMap<>(base.byType);
        identifiers = base.identifiers;
        moneyByCurrency = base.moneyByCurrency;
        blocks = base.blocks;
        namesAsPrinted = base.namesAsPrinted;
        dates = base.dates.inOrder(order);
        regions = base.regions;
        inDateOrder = base.inDateOrder;
        byType.put(FeatureType.DATE, dates);
    }

    public Recognisers() {
        byType = new EnumMap<>(FeatureType.class);
        identifiers = new ConcurrentHashMap<>();
        moneyByCurrency = new ConcurrentHashMap<>();
        blocks = new AddressRecogniser();
        namesAsPrinted = new OrganisationRecogniser(true);
        dates = new DateRecogniser();
        regions = CountryRecogniser.regions();
        inDateOrder = new ConcurrentHashMap<>();
        byType.put(FeatureType.DATE, dates);
        byType.put(FeatureType.TIME, new TimeRecogniser());
        byType.put(FeatureType.MONEY, new MoneyRecogniser());
        byType.put(FeatureType.IBAN, new IbanRecogniser());
        byType.put(FeatureType.LICENSE_PLATE, new PlateRecogniser());
        byType.put(FeatureType.PHONE, new PhoneRecogniser());
        byType.put(FeatureType.EMAIL, new EmailRecogniser());
        byType.put(FeatureType.PERSON_NAME, new PersonNameRecogniser());
        byType.put(FeatureType.ORGANIZATION_NAME, new OrganisationRecogniser());
        byType.put(FeatureType.TEXT, new PhraseRecogniser(5, false));
        byType.put(FeatureType.COUNTRY, new CountryRecogniser());
        byType.put(FeatureType.KVK, new PatternRecogniser(KVK, m -> m.group(1).replaceAll("[. ]", ""), 1.0));
        byType.put(FeatureType.POSTCODE, new PatternRecogniser(POSTCODE, Recognisers::postcode, 1.0));
        byType.put(FeatureType.DURATION, new DurationRecogniser());
        byType.put(FeatureType.PLACE, CountryRecogniser.places());
    }

    /**
     * The recognisers for one document of these page texts: dates read in the order the document
     * shows (see {@link DateRecogniser#orderOf}); these same recognisers where it shows none.
     */
    public Recognisers inDocument(List<String> pageTexts) {
        DateOrder order = dates.orderOf(pageTexts, regions);
        return order == DateOrder.UNKNOWN ? this : inDateOrder.computeIfAbsent(order, o -> new Recognisers(this, o));
    }

    /** The plain recogniser of a feature type (no pattern, no stated currency). */
    public Recogniser of(FeatureType type) {
        return byType.get(type);
    }

    /**
     * The recogniser for a feature: by type; for identifiers by type and pattern; for money with a
     * stated currency one that reads bare amounts in it; for text that a role or zone places, the
     * block of lines of an address rather than a phrase after a label.
     */
    public Recogniser forFeature(FeatureDefinition feature) {
        return forFeature(feature, false);
    }

    /**
     * The recogniser for a feature whose labels may name the issuer: a {@code text} feature that
     * names the issuer reads the issuer's name (an organisation, as printed), not an address block.
     */
    public Recogniser forFeature(FeatureDefinition feature, boolean namesIssuer) {
        if (feature.type() == FeatureType.TEXT && namesIssuer) {
            return namesAsPrinted;
        }
        if (feature.type() == FeatureType.MONEY && feature.currency().isPresent()) {
            return moneyByCurrency.computeIfAbsent(
                    feature.currency().get(), code -> new MoneyRecogniser(Optional.of(code)));
        }
        if (feature.type() == FeatureType.TEXT && feature.placed()) {
            return blocks;
        }
        if (feature.type() == FeatureType.IDENTIFIER) {
            Optional<Pattern> pattern = feature.pattern();
            return identifiers.computeIfAbsent(
                    pattern.map(Pattern::pattern).orElse(""), key -> new IdentifierRecogniser(pattern));
        }
        return byType.get(feature.type());
    }

    private static String postcode(Matcher matcher) {
        String letters = matcher.group(2);
        // SA, SD and SS are not issued as postcode letters.
        return NOT_ISSUED.contains(letters) ? null : matcher.group(1) + " " + letters;
    }
}
