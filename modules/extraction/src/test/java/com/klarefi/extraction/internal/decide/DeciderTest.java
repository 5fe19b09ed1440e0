package com.klarefi.extraction.internal.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.Evidence;
import com.klarefi.extraction.api.EvidenceLocation;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.TextMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DeciderTest {
    private static final FeatureDefinition DATE =
            aFeature("{\"id\": \"incident_date\", \"type\": \"date\", \"labels\": {\"en\": [\"Date of incident\"]}}");

    /** The one feature of a case type that has only it. */
    private static FeatureDefinition aFeature(String json) {
        return CaseTypes.parse("{\"id\": \"t\", \"name\": \"T\", \"locales\": [\"en\"], \"features\": [" + json + "]}")
                .features()
                .getFirst();
    }

    private static Sighting aSighting(String value, double support, double label) {
        double[] clues = Clue.none();
        clues[Clue.SUPPORT.ordinal()] = support;
        clues[Clue.LABEL.ordinal()] = label;
        Evidence evidence = new Evidence(
                "ev_" + value + support,
                "doc_1",
                0,
                new EvidenceLocation(0, 10, Optional.empty()),
                value,
                TextMethod.BORN_DIGITAL_TEXT,
                OptionalDouble.empty());
        return new Sighting(value, value, evidence, support, clues);
    }

    private static Sighting unlabelled(String value, boolean tallied) {
        Sighting sighting = aSighting(value, 0.25, 0);
        double[] clues = sighting.clues();
        clues[Clue.UNLABELLED.ordinal()] = 1;
        clues[Clue.TALLY.ordinal()] = tallied ? 1 : 0;
        return new Sighting(value, value, sighting.evidence(), 0.25, clues);
    }

    @Test
    void anUnlabelledValueStatedTwiceCountsOnlyWhenTheArithmeticMakesItATotal() {
        assertThat(Decider.standingAlone(List.of(unlabelled("MYR 29.80", true), unlabelled("MYR 29.80", true))))
                .hasSize(2);
        assertThat(Decider.standingAlone(
                        List.of(unlabelled("NL91ABNA0417164300", false), unlabelled("NL91ABNA0417164300", false))))
                .isEmpty();
        // a labelled value beside it wins
        assertThat(Decider.standingAlone(List.of(unlabelled("MYR 29.80", true), aSighting("MYR 30.00", 0.5, 0.9))))
                .extracting(Sighting::normalized)
                .containsExactly("MYR 30.00");
    }

    @Test
    void listsAPlaceReadTwiceForOneValueAsOnePieceOfEvidence() {
        Sighting byKey = aSighting("2024-03-01", 0.9, 0.9);
        double[] clues = byKey.clues().clone();
        clues[Clue.LABEL.ordinal()] = 0.5;
        Sighting again = new Sighting("2024-03-01", "2024-03-01", byKey.evidence(), 0.6, clues);

        FeatureResult result = new Decider(Optional.empty()).decide(DATE, List.of(byKey, again));

        assertThat(result.evidence())
                .extracting(Evidence::evidenceId)
                .containsExactly(byKey.evidence().evidenceId());
        assertThat(result.candidates().getFirst().evidenceIds())
                .containsExactly(byKey.evidence().evidenceId());
    }

    /** A ranker that trusts the label clue of the strongest sighting and nothing else. */
    private static Ranker trustingLabels(double keep) {
        int n = Ranker.SIGNALS.size();
        double[] scale = new double[n];
        Arrays.fill(scale, 1);
        double[] weights = new double[n];
        weights[Ranker.SIGNALS.indexOf("sighting_label")] = 10;
        return new Ranker(new double[n], scale, weights, -5, keep);
    }

    @Test
    void withoutARankerTheRuleConfidenceDecides() {
        // one value, no rival: the rule raises its support to its square root
        FeatureResult result = new Decider(Optional.empty()).decide(DATE, List.of(aSighting("2024-03-01", 0.95, 0.95)));
        assertThat(result.decision().outcome()).isEqualTo(DecisionOutcome.KEEP);
        assertThat(result.candidates().getFirst().confidence()).isEqualTo(0.975);
    }

    @Test
    void aRankerRanksByItsProbabilityAndKeepsFromItsThreshold() {
        List<Sighting> sightings = List.of(aSighting("2024-03-01", 0.9, 0.2), aSighting("2024-04-02", 0.5, 0.9));
        FeatureResult rule = new Decider(Optional.empty()).decide(DATE, sightings);
        FeatureResult learned = new Decider(Optional.of(trustingLabels(0.9))).decide(DATE, sightings);
        assertThat(rule.candidates().getFirst().valueNormalized()).isEqualTo("2024-03-01");
        assertThat(learned.candidates().getFirst().valueNormalized()).isEqualTo("2024-04-02");
        assertThat(learned.candidates().getFirst().confidence()).isEqualTo(0.982);
        assertThat(learned.decision().outcome()).isEqualTo(DecisionOutcome.KEEP);
        assertThat(new Decider(Optional.of(trustingLabels(0.99)))
                        .decide(DATE, sightings)
                        .decision()
                        .outcome())
                .isEqualTo(DecisionOutcome.REVIEW);
    }

    @Test
    void aListFeatureIsDecidedByTheRulesEvenWithARanker() {
        FeatureDefinition surcharges = aFeature(
                "{\"id\": \"surcharges\", \"type\": \"money\", \"cardinality\": \"many\", \"labels\": {\"en\": [\"Surcharge\"]}}");
        List<Sighting> sightings = List.of(aSighting("EUR 10.00", 0.9, 0.2), aSighting("EUR 12.00", 0.85, 0.2));
        FeatureResult result = new Decider(Optional.of(trustingLabels(0.5))).decide(surcharges, sightings);
        assertThat(result.candidates()).extracting(c -> c.confidence()).containsExactlyInAnyOrder(0.949, 0.922);
        assertThat(result.decision().outcome()).isEqualTo(DecisionOutcome.KEEP);
        assertThat(result.decision().selectedCandidateIds()).hasSize(2);
    }

    @Test
    void aFeaturePlacedByARoleIsDecidedByTheRulesEvenWithARanker() {
        FeatureDefinition issuer = aFeature(
                "{\"id\": \"company\", \"type\": \"organization_name\", \"role\": \"issuer\", \"labels\": {\"en\": [\"Company\"]}}");
        FeatureResult result =
                new Decider(Optional.of(trustingLabels(0.5))).decide(issuer, List.of(aSighting("Acme BV", 0.6, 0.9)));
        assertThat(result.candidates().getFirst().confidence()).isEqualTo(0.775);
        assertThat(result.decision().outcome()).isEqualTo(DecisionOutcome.REVIEW);
    }

    @Test
    void everyCandidateIsHandedOverWithItsSignals() {
        List<double[]> seen = new ArrayList<>();
        new Decider(Optional.empty())
                .decide(
                        DATE,
                        List.of(aSighting("2024-03-01", 0.9, 0.2), aSighting("2024-04-02", 0.5, 0.9)),
                        (feature, candidate, signals) -> seen.add(signals));
        assertThat(seen).hasSize(2).allSatisfy(signals -> assertThat(signals).hasSize(Ranker.SIGNALS.size()));
        assertThat(seen.getFirst()[Ranker.SIGNALS.indexOf("rival_support")]).isEqualTo(0.5);
        assertThat(seen.getFirst()[Ranker.SIGNALS.indexOf("rule_top")]).isEqualTo(1);
        assertThat(seen.get(1)[Ranker.SIGNALS.indexOf("sighting_label")]).isEqualTo(0.9);
    }
}
