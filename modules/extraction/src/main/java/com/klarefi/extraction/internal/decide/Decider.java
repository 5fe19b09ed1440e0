package com.klarefi.extraction.internal.decide;

import com.klarefi.extraction.api.Candidate;
import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.Decision;
import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.Evidence;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the sightings of a feature over all documents of a case into candidates and a decision.
 * Sightings with the same value merge; each document adds its strongest sighting, so documents that
 * agree raise the value's support. A candidate's confidence is its support discounted by its
 * strongest rival, so two well-supported values that disagree both end below the keep threshold.
 */
public final class Decider {
    static final double KEEP_THRESHOLD = 0.8;
    private static final double MIN_SUPPORT = 0.15;
    private static final double RIVAL_WEIGHT = 0.5;
    /** A value of a list this confident is worth a reviewer's look beside the sure ones. */
    static final double LISTED = 0.35;
    /**
     * A value with fair support and no rival anywhere in the case is likelier right than its label
     * distance alone says (a sentence naming one date near "accident"): its confidence rises.
     */
    private static final double UNCONTESTED_FLOOR = 0.5;

    public FeatureResult decide(FeatureDefinition feature, List<Sighting> sightings) {
        Map<String, List<Sighting>> byValue = new TreeMap<>();
        sightings.stream().filter(s -> s.support() >= MIN_SUPPORT)
                .forEach(s -> byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        Map<String, Double> support = new LinkedHashMap<>();
        byValue.forEach((key, list) -> support.put(key, combined(list)));
        List<Candidate> candidates = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (var entry : byValue.entrySet()) {
            // Values of a list feature do not compete with each other.
            double rival = feature.cardinality() == Cardinality.MANY ? 0 : support.entrySet().stream()
                    .filter(other -> !other.getKey().equals(entry.getKey()))
                    .mapToDouble(Map.Entry::getValue).max().orElse(0);
            candidates.add(candidate(feature, entry.getValue(), support.get(entry.getKey()), rival));
            entry.getValue().stream().map(Sighting::evidence).forEach(evidence::add);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparing(Candidate::candidateId));
        evidence.sort(Comparator.comparing(Evidence::evidenceId));
        return new FeatureResult(feature, candidates, evidence, decision(feature, candidates));
    }

    /** Each document's strongest sighting counts once: 1 - prod(1 - s). */
    static double combined(List<Sighting> sightings) {
        Map<String, Double> perDocument = new TreeMap<>();
        sightings.forEach(s -> perDocument.merge(s.evidence().docId(), s.support(), Math::max));
        double none = 1;
        for (double s : perDocument.values()) {
            none *= 1 - s;
        }
        return 1 - none;
    }

    private static Candidate candidate(FeatureDefinition feature, List<Sighting> sightings, double support, double rival) {
        Sighting best = sightings.stream()
                .max(Comparator.comparingDouble(Sighting::support)
                        .thenComparing(s -> s.evidence().evidenceId(), Comparator.reverseOrder()))
                .orElseThrow();
        double ratio = Math.min(1, rival / support);
        double confidence = rival < MIN_SUPPORT && support >= UNCONTESTED_FLOOR
                ? Math.sqrt(support)
                : support * (1 - RIVAL_WEIGHT * ratio * ratio);
        confidence = Math.round(confidence * 1000) / 1000.0;
        List<String> evidenceIds = sightings.stream()
                .sorted(Comparator.comparingDouble(Sighting::support).reversed()
                        .thenComparing(s -> s.evidence().evidenceId()))
                .map(s -> s.evidence().evidenceId()).distinct().toList();
        return new Candidate(StableIds.of("cand", feature.id(), best.key()), best.evidence().quote(),
                best.normalized(), confidence, evidenceIds);
    }

    /**
     * A list is kept only when it is confident as a whole (the product of its values' confidences):
     * one unsure value among sure ones sends the whole list to review, with every plausible value selected, so a reviewer sees
     * the list as the engine would fill it and a wrong value is never kept beside right ones.
     */
    private static Decision listDecision(String decisionId, List<Candidate> candidates) {
        List<Candidate> listed = candidates.stream().filter(c -> c.confidence() >= LISTED).toList();
        List<Candidate> plausible = listed.stream()
                .filter(c -> listed.stream().noneMatch(other -> shortens(c, other) && !joins(other, c) || joins(c, other)))
                .toList();
        if (plausible.isEmpty()) {
            plausible = List.of(candidates.getFirst());
        }
        List<String> selected = plausible.stream().map(Candidate::candidateId).toList();
        // the list is right only when every value is: its confidence is their product
        double together = plausible.stream().mapToDouble(Candidate::confidence).reduce(1, (a, b) -> a * b);
        boolean sure = together >= KEEP_THRESHOLD;
        return sure
                ? new Decision(decisionId, DecisionOutcome.KEEP, selected, Optional.empty())
                : new Decision(decisionId, DecisionOutcome.REVIEW, selected,
                        Optional.of(selected.size() == 1 ? "no value is confident enough"
                                : "not every value is confident enough"));
    }

    /**
     * Whether a value of a list is another value shortened at a word boundary ("Option Care" of
     * "Option Care Inc."): the same item read twice, of which the longer says more.
     */
    private static boolean shortens(Candidate shorter, Candidate longer) {
        String inner = shorter.valueNormalized().toUpperCase(java.util.Locale.ROOT);
        String outer = longer.valueNormalized().toUpperCase(java.util.Locale.ROOT);
        return outer.length() > inner.length() && (outer.startsWith(inner + " ") || outer.endsWith(" " + inner));
    }

    /** Whether a value of a list is two values read as one ("Corpsense Consulting and Caddystats Inc."). */
    private static boolean joins(Candidate joined, Candidate part) {
        String outer = joined.valueNormalized().toUpperCase(java.util.Locale.ROOT);
        String inner = part.valueNormalized().toUpperCase(java.util.Locale.ROOT);
        return outer.endsWith(" AND " + inner) || outer.startsWith(inner + " AND ");
    }

    private static Decision decision(FeatureDefinition feature, List<Candidate> candidates) {
        String decisionId = StableIds.of("dec", feature.id(),
                candidates.stream().map(Candidate::candidateId).toList());
        if (candidates.isEmpty()) {
            return new Decision(decisionId, DecisionOutcome.MISSING, List.of(), Optional.of("no document states a value"));
        }
        if (feature.cardinality() == Cardinality.MANY) {
            return listDecision(decisionId, candidates);
        }
        Candidate best = candidates.getFirst();
        if (best.confidence() >= KEEP_THRESHOLD) {
            return new Decision(decisionId, DecisionOutcome.KEEP, List.of(best.candidateId()), Optional.empty());
        }
        String reason = candidates.size() > 1 && candidates.get(1).confidence() >= best.confidence() * 0.5
                ? "documents or places disagree: " + candidates.size() + " different values"
                : "the best value is not supported clearly enough";
        return new Decision(decisionId, DecisionOutcome.REVIEW, List.of(best.candidateId()), Optional.of(reason));
    }
}
