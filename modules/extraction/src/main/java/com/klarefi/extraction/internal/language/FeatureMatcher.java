package com.klarefi.extraction.internal.language;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches keys found on a page to a case type's features by meaning. A feature's labels are seeds:
 * each is read through the lexicon once, and a key names the feature with the best similarity of
 * any of its labels (see {@link Similarity}). A feature whose labels single out no other party is
 * the main party's: a key that alone implies its type (a closing, "bereikbaar op") names it too.
 */
public final class FeatureMatcher {
    /** Below this similarity a key does not name a feature. */
    public static final double THRESHOLD = 0.55;
    /** The strength of a key that labels context (a birth date, a subtotal). */
    public static final double CONTEXT = 0.9;

    private static final int KNOWN_KEYS = 5000;

    /** The features a key names with their similarities, and its strength as a context label (0 if none). */
    public record KeyMatch(Map<String, Double> features, double context) {
        public KeyMatch {
            features = Map.copyOf(features);
        }

        public boolean isEmpty() {
            return features.isEmpty() && context == 0;
        }

        /** The features this key names or the other names, each at the better similarity; this key's context. */
        public KeyMatch with(KeyMatch other) {
            Map<String, Double> merged = new LinkedHashMap<>(features);
            other.features().forEach((feature, similarity) -> merged.merge(feature, similarity, Math::max));
            return new KeyMatch(merged, context);
        }
    }

    /** A word or phrase of running text at {@code [start, end)} that names features or context. */
    public record Phrase(int start, int end, KeyMatch match) {}

    private static final String PLACE = "place";
    private static final Set<String> SENDER_TYPES = Set.of("person_name", "email");
    /**
     * "in Haarlem", "te Utrecht", "at Leeds": a preposition of place before a capitalised word makes
     * the words before it ("aangereden", "collision") name where it happened as well.
     */
    private static final String PREPOSITION_OF_PLACE = "(?:in|te|at|near|bij|nabij|im|bei|à|en)";

    private static final Pattern AT_PLACE = Pattern.compile("^\\s+" + PREPOSITION_OF_PLACE + "\\s+(?=\\p{Lu})");
    /**
     * "a collision on the Parklaan in Arnhem": a preposition of place a few words after the word that
     * names what happened; group 1 is the preposition with its spaces, the place after it.
     */
    private static final Pattern PLACE_AFTER =
            Pattern.compile("^\\s+(?:[\\p{L}\\d'’/-]+\\s+){1,4}?(" + PREPOSITION_OF_PLACE + "\\s+)(?=\\p{Lu})");
    /**
     * "ben ik in Apeldoorn aangereden", "bin ich in Köln angefahren": where a sentence puts its verb
     * last, the preposition of place and the place stand right before the word that names what
     * happened; group 1 is the preposition with its spaces, the place after it.
     */
    private static final Pattern PLACE_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(" + PREPOSITION_OF_PLACE + "\\s+)\\p{Lu}[\\p{L}'’-]+(?:[ -]\\p{Lu}[\\p{L}'’-]+)?\\s+$");
    /** How far before a word {@link #PLACE_BEFORE} looks. */
    private static final int PLACE_BEFORE_REACH = 40;

    private record Seed(String featureId, String type, List<Meaning> labels, boolean mainParty) {}

    private final Lexicon lexicon;
    private final MeaningReader reader;
    private final Similarity similarity;
    private final List<Seed> seeds = new ArrayList<>();
    private final Map<String, KeyMatch> keys = lru();
    private final Map<String, Meaning> meanings = lru();
    private final Map<String, List<Phrase>> sentences = lru();

    public FeatureMatcher(CaseType caseType, Lexicon lexicon) {
        this.lexicon = lexicon;
        this.reader = lexicon.reader();
        this.similarity = new Similarity(lexicon);
        for (FeatureDefinition feature : caseType.features()) {
            List<Meaning> labels = feature.allLabels().stream()
                    .map(label -> reader.read(label, true))
                    .filter(meaning -> !meaning.isEmpty())
                    .distinct()
                    .toList();
            boolean mainParty = labels.stream().noneMatch(similarity::singlesOut);
            seeds.add(new Seed(feature.id(), feature.type().wireName(), labels, mainParty));
        }
    }

    /** What a key (the text of a form field's label, a column header) names. */
    public KeyMatch key(String text) {
        return cached(keys, text, () -> match(meaning(text)));
    }

    private Meaning meaning(String text) {
        return cached(meanings, text, () -> reader.read(text, true));
    }

    /** Keys, headings and sentences repeat on every page of a form and across a case's documents. */
    private static <T> T cached(Map<String, T> cache, String text, Supplier<T> compute) {
        synchronized (cache) {
            T known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        T computed = compute.get();
        synchronized (cache) {
            cache.put(text, computed);
        }
        return computed;
    }

    private static <T> Map<String, T> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > KNOWN_KEYS;
            }
        };
    }

    /**
     * What a key names on a document with a title ("Invoice"): where the key alone names no feature,
     * the title may say what it leaves open ("Date" on an invoice).
     */
    public KeyMatch key(String text, String title) {
        KeyMatch alone = key(text);
        if (title.isEmpty() || !alone.features().isEmpty()) {
            return alone;
        }
        return alone.with(key(text + " (" + title + ")"));
    }

    /** Whether a text names a kind of document, as a title does ("Factuur", "Invoice"). */
    public boolean namesDocument(String text) {
        return similarity.namesDocument(meaning(text));
    }

    /** The words and phrases of running text that name features or context, in text order. */
    public List<Phrase> prose(String text) {
        return cached(sentences, text, () -> phrases(text));
    }

    private List<Phrase> phrases(String text) {
        List<Phrase> phrases = new ArrayList<>();
        for (Unit unit : reader.read(text, false).units()) {
            if (!unit.concepts().isEmpty()) {
                Matcher place = AT_PLACE.matcher(text).region(unit.end(), text.length());
                boolean atPlace = place.lookingAt() && !unit.concepts().contains(PLACE);
                Meaning meaning = atPlace
                        ? new Meaning(List.of(unit, new Unit(Set.of(PLACE), Set.of(), 1, unit.end(), place.end())))
                        : new Meaning(List.of(unit));
                KeyMatch match = match(meaning);
                if (atPlace && match.features().isEmpty()) {
                    // "travelling in Greece": the place is the value a word of travel names, not its key
                    KeyMatch alone = match(new Meaning(List.of(unit)));
                    if (!alone.features().isEmpty()) {
                        phrases.add(new Phrase(unit.start(), unit.end(), alone));
                        continue;
                    }
                }
                if (!match.isEmpty()) {
                    phrases.add(new Phrase(unit.start(), atPlace ? place.end() : unit.end(), match));
                }
                if (!atPlace && !unit.concepts().contains(PLACE)) {
                    // the preposition names the place after it as where it happened, as in "aangereden in Apeldoorn"
                    Matcher after = PLACE_AFTER.matcher(text).region(unit.end(), text.length());
                    if (after.lookingAt()) {
                        placePhrase(unit, match, after.start(1), after.end(1)).ifPresent(phrases::add);
                    }
                    Matcher before = PLACE_BEFORE
                            .matcher(text)
                            .region(Math.max(0, unit.start() - PLACE_BEFORE_REACH), unit.start());
                    if (before.find()) {
                        placePhrase(unit, match, before.start(1), before.end(1)).ifPresent(phrases::add);
                    }
                }
            }
        }
        phrases.sort(Comparator.comparingInt(Phrase::start));
        return List.copyOf(phrases);
    }

    /**
     * The preposition at {@code [start, end)} as a phrase of the features that the unit and a place
     * name together and the unit alone does not ("Place of incident", not "Date of incident").
     */
    private Optional<Phrase> placePhrase(Unit unit, KeyMatch alone, int start, int end) {
        KeyMatch where = match(new Meaning(List.of(unit, new Unit(Set.of(PLACE), Set.of(), 1, start, end))));
        Map<String, Double> placeOnly = difference(where.features(), alone.features());
        return placeOnly.isEmpty() ? Optional.empty() : Optional.of(new Phrase(start, end, new KeyMatch(placeOnly, 0)));
    }

    /** The features of {@code all} that {@code without} does not name. */
    private static Map<String, Double> difference(Map<String, Double> all, Map<String, Double> without) {
        Map<String, Double> left = new LinkedHashMap<>(all);
        left.keySet().removeAll(without.keySet());
        return left;
    }

    /** The main party's name and e-mail features, named by an e-mail's sender header. */
    public Map<String, Double> sender() {
        Map<String, Double> features = new LinkedHashMap<>();
        seeds.stream()
                .filter(seed -> seed.mainParty() && SENDER_TYPES.contains(seed.type()))
                .forEach(seed -> features.put(seed.featureId(), Similarity.IMPLIED));
        return features;
    }

    /** Whether a feature is the main party's: its labels single out no other party. */
    public boolean mainParty(String featureId) {
        return seeds.stream().anyMatch(seed -> seed.featureId().equals(featureId) && seed.mainParty());
    }

    /**
     * Whether every label of a feature names the document's issuer ("Company", "Merchant", "Store"):
     * the feature is then the issuer's name, printed at the head of the document, where no role says so.
     */
    public boolean namesIssuer(String featureId) {
        return everyLabel(featureId, Concept::issuer);
    }

    /**
     * The format of the identifiers a feature's labels all name ("Flight number": an airline's code
     * and a number), as a regular expression, when the lexicon knows one.
     */
    public Optional<String> format(String featureId) {
        if (!everyLabel(featureId, concept -> !concept.format().isEmpty())) {
            return Optional.empty();
        }
        Set<String> formats = seeds.stream()
                .filter(seed -> seed.featureId().equals(featureId))
                .flatMap(seed -> seed.labels().stream())
                .flatMap(label -> label.units().stream())
                .flatMap(unit -> unit.concepts().stream())
                .map(lexicon::concept)
                .filter(concept -> concept != null && !concept.format().isEmpty())
                .map(Concept::format)
                .collect(java.util.stream.Collectors.toSet());
        return formats.size() == 1 ? Optional.of(formats.iterator().next()) : Optional.empty();
    }

    /**
     * Whether every label of a feature names what a bill's arithmetic adds up to ("Total", "Amount
     * due"): an amount the page's items or payment make a total is then the feature's, labelled or not.
     */
    public boolean namesSum(String featureId) {
        return everyLabel(featureId, Concept::sum);
    }

    /** Whether every label of a feature names a value printed as a block of lines (an address). */
    public boolean namesBlock(String featureId) {
        return everyLabel(featureId, Concept::block);
    }

    /**
     * Whether a feature's labels say nothing but the kind of its value ("Date" for a date): the
     * feature then asks for the document's value of that kind, wherever it stands.
     */
    public boolean namesOnlyItsType(String featureId) {
        return seeds.stream()
                .filter(seed -> seed.featureId().equals(featureId))
                .findFirst()
                .map(seed -> !seed.labels().isEmpty()
                        && seed.labels().stream()
                                .allMatch(label -> label.units().stream()
                                        .allMatch(unit -> unit.concepts().stream()
                                                .map(lexicon::concept)
                                                .anyMatch(concept -> concept != null
                                                        && concept.types().contains(seed.type())))))
                .orElse(false);
    }

    private boolean everyLabel(String featureId, Predicate<Concept> role) {
        return seeds.stream()
                .filter(seed -> seed.featureId().equals(featureId))
                .findFirst()
                .map(seed -> !seed.labels().isEmpty()
                        && seed.labels().stream()
                                .allMatch(label -> label.units().stream()
                                        .flatMap(unit -> unit.concepts().stream())
                                        .map(lexicon::concept)
                                        .anyMatch(concept -> concept != null && role.test(concept))))
                .orElse(false);
    }

    /** Whether a text singles out another party than the main one: the other party, a witness. */
    public boolean namesOtherParty(String text) {
        return !text.isEmpty() && similarity.singlesOut(meaning(text));
    }

    /** Whether a text introduces the company that owns the document's issuer ("Owned by:"). */
    public boolean namesOwner(String text) {
        return !text.isBlank() && similarity.namesOwner(meaning(text));
    }

    /** Whether a text names a party: the insured, the other party, a witness. */
    public boolean namesParty(String text) {
        return !text.isEmpty() && similarity.namesParty(meaning(text));
    }

    private KeyMatch match(Meaning key) {
        Map<String, Double> features = new LinkedHashMap<>();
        if (key.isEmpty()) {
            return new KeyMatch(features, 0);
        }
        for (Seed seed : seeds) {
            double best = 0;
            for (Meaning label : seed.labels()) {
                best = Math.max(best, similarity.of(key, label, seed.type()));
            }
            if (best < THRESHOLD && seed.mainParty() && similarity.implies(key, seed.type())) {
                best = Similarity.IMPLIED;
            }
            if (best >= THRESHOLD) {
                features.put(seed.featureId(), best);
            }
        }
        return new KeyMatch(features, similarity.context(key) ? CONTEXT : 0);
    }
}
