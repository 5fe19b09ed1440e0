package com.klarefi.extraction.internal.language;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The features a key names with their similarities, and its strength as a context label (0 if none). */
    public record KeyMatch(Map<String, Double> features, double context) {
        public KeyMatch {
            features = Map.copyOf(features);
        }

        public boolean isEmpty() {
            return features.isEmpty() && context == 0;
        }
    }

    /** A word or phrase of running text at {@code [start, end)} that names features or context. */
    public record Phrase(int start, int end, KeyMatch match) {
    }

    private record Seed(String featureId, String type, List<Meaning> labels, boolean mainParty) {
    }

    private final MeaningReader reader;
    private final Similarity similarity;
    private final List<Seed> seeds = new ArrayList<>();

    public FeatureMatcher(CaseType caseType, Lexicon lexicon) {
        this.reader = lexicon.reader();
        this.similarity = new Similarity(lexicon);
        for (FeatureDefinition feature : caseType.features()) {
            List<Meaning> labels = feature.allLabels().stream().map(label -> reader.read(label, true))
                    .filter(meaning -> !meaning.isEmpty()).toList();
            boolean mainParty = labels.stream().noneMatch(similarity::singlesOut);
            seeds.add(new Seed(feature.id(), feature.type().wireName(), labels, mainParty));
        }
    }

    /** What a key (the text of a form field's label, a column header) names. */
    public KeyMatch key(String text) {
        return match(reader.read(text, true));
    }

    /** The words and phrases of running text that name features or context, in text order. */
    public List<Phrase> prose(String text) {
        List<Phrase> phrases = new ArrayList<>();
        for (Unit unit : reader.read(text, false).units()) {
            if (!unit.concepts().isEmpty()) {
                KeyMatch match = match(new Meaning(List.of(unit)));
                if (!match.isEmpty()) {
                    phrases.add(new Phrase(unit.start(), unit.end(), match));
                }
            }
        }
        return phrases;
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
