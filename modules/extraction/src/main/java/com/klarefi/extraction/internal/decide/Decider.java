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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the sightings of a feature over all documents of a case into candidates and a decision.
 * Sightings with the same value merge; each document adds its strongest sighting, so documents that
 * agree raise the value's support. The rule confidence is that support discounted by the strongest
 * rival, so two well-supported values that disagree both end below the keep threshold.
 * With a {@link Ranker}, the candidate's confidence is instead the ranker's probability that it is
 * the value, from the rule confidence and the other generic signals, and a value is kept from the
 * ranker's threshold on. List features and features placed by a role or zone keep the rule
 * confidence: the training corpus has none (see {@link #learned}).
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
    /**
     * Below this OCR confidence the characters of a value are in doubt ("E1218" for "EI218"): such a
     * value is never kept on that reading alone, however well its place names it, unless its type
     * checks itself (an IBAN's check digits hold).
     */
    static final double OCR_DOUBT = 0.5;

    /** Receives each candidate with its signals (see {@link Ranker#SIGNALS}): training rows are made of them. */
    @FunctionalInterface
    public interface SignalSink {
        void accept(FeatureDefinition feature, Candidate candidate, double[] signals);

        SignalSink NONE = (feature, candidate, signals) -> {};
    }

    private final Optional<Ranker> ranker;

    public Decider(Optional<Ranker> ranker) {
        this.ranker = ranker;
    }

    public FeatureResult decide(FeatureDefinition feature, List<Sighting> sightings) {
        return decide(feature, sightings, SignalSink.NONE);
    }

    public FeatureResult decide(FeatureDefinition feature, List<Sighting> sightings, SignalSink sink) {
        Map<String, List<Sighting>> byValue = new TreeMap<>();
        standingAlone(sightings).stream()
                .filter(s -> s.support() >= MIN_SUPPORT)
                .forEach(s ->
                        byValue.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        Map<String, Double> support = new LinkedHashMap<>();
        byValue.forEach((key, list) -> support.put(key, combined(list)));
        List<Scored> scored = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (var entry : byValue.entrySet()) {
            // Values of a list feature do not compete with each other.
            double rival = feature.cardinality() == Cardinality.MANY
                    ? 0
                    : support.entrySet().stream()
                            .filter(other -> !other.getKey().equals(entry.getKey()))
                            .mapToDouble(Map.Entry::getValue)
                            .max()
                            .orElse(0);
            double combined = support.get(entry.getKey());
            scored.add(new Scored(
                    candidate(feature, entry.getValue(), combined, rival), entry.getValue(), combined, rival));
            entry.getValue().stream().map(Sighting::evidence).forEach(evidence::add);
        }
        Optional<Ranker> ranker = learned(feature) ? this.ranker : Optional.empty();
        List<Candidate> candidates = new ArrayList<>();
        for (Scored candidate : scored) {
            double[] signals = signals(feature, candidate, scored);
            sink.accept(feature, candidate.rule(), signals);
            candidates.add(ranker.map(model -> withConfidence(candidate.rule(), model.probability(signals)))
                    .orElse(candidate.rule()));
        }
        candidates.sort(
                Comparator.comparingDouble(Candidate::confidence).reversed().thenComparing(Candidate::candidateId));
        // One place can be read twice for one value (by its key and by the receipt's arithmetic): it
        // is one piece of evidence, and the case's store holds each once.
        Map<String, Evidence> distinct = new TreeMap<>();
        evidence.forEach(item -> distinct.putIfAbsent(item.evidenceId(), item));
        evidence = new ArrayList<>(distinct.values());
        double keep = ranker.map(Ranker::keepThreshold).orElse(KEEP_THRESHOLD);
        List<String> doubtful = scored.stream()
                .filter(candidate -> candidate.sightings().stream().allMatch(Decider::doubtful))
                .map(candidate -> candidate.rule().candidateId())
                .toList();
        return new FeatureResult(feature, candidates, evidence, decision(feature, candidates, keep, doubtful));
    }

    /**
     * A value no label names counts only when it is stated once in the case with no rival: no label
     * names any value of the feature, and no other unlabelled value stands beside it. An amount that
     * a receipt's arithmetic makes a total may stand twice (the total and the cash paid).
     */
    static List<Sighting> standingAlone(List<Sighting> sightings) {
        List<Sighting> labelled =
                sightings.stream().filter(s -> s.clue(Clue.UNLABELLED) == 0).toList();
        if (labelled.size() == sightings.size()) {
            return sightings;
        }
        boolean rivalled = labelled.stream().anyMatch(s -> s.support() >= MIN_SUPPORT)
                || sightings.stream()
                                .filter(s -> s.clue(Clue.UNLABELLED) > 0)
                                .map(Sighting::key)
                                .distinct()
                                .count()
                        > 1
                // an amount the arithmetic makes a total is printed again as its payment: one value, stated twice
                || sightings.stream()
                                .filter(s -> s.clue(Clue.UNLABELLED) > 0 && s.clue(Clue.TALLY) == 0)
                                .count()
                        > 1;
        return rivalled ? labelled : sightings;
    }

    /**
     * Whether the ranker has learned from features like this one: one value, found by its labels.
     * The training corpus has no list feature and none placed by a role or zone (a receipt's issuer
     * in its header), so for those the rules decide.
     */
    static boolean learned(FeatureDefinition feature) {
        return feature.cardinality() == Cardinality.ONE
                && feature.role().isEmpty()
                && feature.zone().isEmpty();
    }

    /** A sighting read by OCR whose characters the OCR engine doubts and nothing checks. */
    private static boolean doubtful(Sighting sighting) {
        return sighting.evidence().ocrConfidence().orElse(1) < OCR_DOUBT && sighting.clue(Clue.SELF_CHECKING) == 0;
    }

    /** A candidate as the rules see it: its rule confidence, sightings, combined support and strongest rival. */
    private record Scored(Candidate rule, List<Sighting> sightings, double support, double rival) {}

    /** The candidate's signals, in the order of {@link Ranker#SIGNALS}. */
    private static double[] signals(FeatureDefinition feature, Scored candidate, List<Scored> all) {
        // values of a list feature do not compete: as for the rule confidence, they have no rival
        double bestOther = feature.cardinality() == Cardinality.MANY
                ? 0
                : all.stream()
                        .filter(other -> other != candidate)
                        .mapToDouble(other -> other.rule().confidence())
                        .max()
                        .orElse(0);
        double confidence = candidate.rule().confidence();
        Sighting strongest = candidate.sightings().stream()
                .max(Comparator.comparingDouble(Sighting::support))
                .orElseThrow();
        long documents = candidate.sightings().stream()
                .map(s -> s.evidence().docId())
                .distinct()
                .count();
        double[] signals = new double[Ranker.SIGNALS.size()];
        signals[Ranker.CandidateSignal.RULE_CONFIDENCE.ordinal()] = confidence;
        signals[Ranker.CandidateSignal.COMBINED_SUPPORT.ordinal()] = candidate.support();
        signals[Ranker.CandidateSignal.RIVAL_SUPPORT.ordinal()] = candidate.rival();
        signals[Ranker.CandidateSignal.RULE_TOP.ordinal()] = confidence >= bestOther ? 1 : 0;
        signals[Ranker.CandidateSignal.RULE_GAP.ordinal()] = confidence - bestOther;
        signals[Ranker.CandidateSignal.DOCUMENTS.ordinal()] = Math.min(documents, 4) / 4.0;
        signals[Ranker.CandidateSignal.SIGHTINGS.ordinal()] =
                Math.min(candidate.sightings().size(), 8) / 8.0;
        signals[Ranker.CandidateSignal.CANDIDATES.ordinal()] = Math.min(all.size(), 8) / 8.0;
        signals[Ranker.CandidateSignal.MANY.ordinal()] = feature.cardinality() == Cardinality.MANY ? 1 : 0;
        signals[Ranker.CandidateSignal.BEST_LABEL.ordinal()] = candidate.sightings().stream()
                .mapToDouble(s -> s.clue(Clue.LABEL))
                .max()
                .orElse(0);
        signals[Ranker.CandidateSignal.BEST_SIMILARITY.ordinal()] = candidate.sightings().stream()
                .mapToDouble(s -> s.clue(Clue.SIMILARITY))
                .max()
                .orElse(0);
        System.arraycopy(strongest.clues(), 0, signals, Ranker.CandidateSignal.values().length, Clue.values().length);
        return signals;
    }

    private static Candidate withConfidence(Candidate candidate, double confidence) {
        return new Candidate(
                candidate.candidateId(),
                candidate.valueRaw(),
                candidate.valueNormalized(),
                Math.round(confidence * 1000) / 1000.0,
                candidate.evidenceIds());
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

    private static Candidate candidate(
            FeatureDefinition feature, List<Sighting> sightings, double support, double rival) {
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
                .sorted(Comparator.comparingDouble(Sighting::support)
                        .reversed()
                        .thenComparing(s -> s.evidence().evidenceId()))
                .map(s -> s.evidence().evidenceId())
                .distinct()
                .toList();
        return new Candidate(
                StableIds.of("cand", feature.id(), best.key()),
                best.evidence().quote(),
                best.normalized(),
                confidence,
                evidenceIds);
    }

    /**
     * A list is kept only when it is confident as a whole (the product of its values' confidences):
     * one unsure value among sure ones sends the whole list to review, with every plausible value selected, so a reviewer sees
     * the list as the engine would fill it and a wrong value is never kept beside right ones.
     */
    private static Decision listDecision(String decisionId, List<Candidate> candidates) {
        List<Candidate> listed =
                candidates.stream().filter(c -> c.confidence() >= LISTED).toList();
        List<Candidate> plausible = listed.stream()
                .filter(c ->
                        listed.stream().noneMatch(other -> shortens(c, other) && !joins(other, c) || joins(c, other)))
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
                : new Decision(
                        decisionId,
                        DecisionOutcome.REVIEW,
                        selected,
                        Optional.of(
                                selected.size() == 1
                                        ? "no value is confident enough"
                                        : "not every value is confident enough"));
    }

    /**
     * Whether a value of a list is another value shortened at a word boundary ("Option Care" of
     * "Option Care Inc."): the same item read twice, of which the longer says more.
     */
    private static boolean shortens(Candidate shorter, Candidate longer) {
        String inner = shorter.valueNormalized().toUpperCase(Locale.ROOT);
        String outer = longer.valueNormalized().toUpperCase(Locale.ROOT);
        return outer.length() > inner.length() && (outer.startsWith(inner + " ") || outer.endsWith(" " + inner));
    }

    /** Whether a value of a list is two values read as one ("Corpsense Consulting and Caddystats Inc."). */
    private static boolean joins(Candidate joined, Candidate part) {
        String outer = joined.valueNormalized().toUpperCase(Locale.ROOT);
        String inner = part.valueNormalized().toUpperCase(Locale.ROOT);
        return outer.endsWith(" AND " + inner) || outer.startsWith(inner + " AND ");
    }

    private static Decision decision(
            FeatureDefinition feature, List<Candidate> candidates, double keep, List<String> doubtful) {
        String decisionId = StableIds.of(
                "dec",
                feature.id(),
                candidates.stream().map(Candidate::candidateId).toList());
        if (candidates.isEmpty()) {
            return new Decision(
                    decisionId, DecisionOutcome.MISSING, List.of(), Optional.of("no document states a value"));
        }
        if (feature.cardinality() == Cardinality.MANY) {
            return listDecision(decisionId, candidates);
        }
        Candidate best = candidates.getFirst();
        if (best.confidence() >= keep && doubtful.contains(best.candidateId())) {
            return new Decision(
                    decisionId,
                    DecisionOutcome.REVIEW,
                    List.of(best.candidateId()),
                    Optional.of("the value's characters were read with doubt"));
        }
        if (best.confidence() >= keep) {
            return new Decision(decisionId, DecisionOutcome.KEEP, List.of(best.candidateId()), Optional.empty());
        }
        String reason = candidates.size() > 1 && candidates.get(1).confidence() >= best.confidence() * 0.5
                ? "documents or places disagree: " + candidates.size() + " different values"
                : "the best value is not supported clearly enough";
        return new Decision(decisionId, DecisionOutcome.REVIEW, List.of(best.candidateId()), Optional.of(reason));
    }
}
