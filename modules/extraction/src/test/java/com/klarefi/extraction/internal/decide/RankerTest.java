package com.klarefi.extraction.internal.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RankerTest {
    private static Ranker weighingOnly(String signal, double weight, double keep) {
        int n = Ranker.SIGNALS.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        double[] weights = new double[n];
        Arrays.fill(scale, 1);
        weights[Ranker.SIGNALS.indexOf(signal)] = weight;
        return new Ranker(mean, scale, weights, -1, keep);
    }

    private static double[] signals(String signal, double value) {
        double[] signals = new double[Ranker.SIGNALS.size()];
        signals[Ranker.SIGNALS.indexOf(signal)] = value;
        return signals;
    }

    @Test
    void aModelReadsBackFromItsTextAsTheSameModel() {
        Ranker ranker = weighingOnly("rule_confidence", 4.25, 0.83);
        Ranker read = Ranker.parse(ranker.format());
        assertThat(read.format()).isEqualTo(ranker.format());
        assertThat(read.keepThreshold()).isEqualTo(0.83);
        assertThat(read.probability(signals("rule_confidence", 0.9)))
                .isEqualTo(ranker.probability(signals("rule_confidence", 0.9)));
    }

    @Test
    void theProbabilityIsTheLogisticOfTheStandardisedWeightedSignals() {
        Ranker ranker = weighingOnly("rule_confidence", 2, 0.8);
        assertThat(ranker.probability(signals("rule_confidence", 0.5))).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(ranker.probability(signals("rule_confidence", 1)))
                .isCloseTo(1 / (1 + Math.exp(-1)), Offset.offset(1e-12));
    }

    @Test
    void aModelWrittenForOtherSignalsIsRefusedRatherThanMisread() {
        String renamed = weighingOnly("rule_confidence", 1, 0.8).format().replace("rule_confidence", "label_strength");
        assertThatThrownBy(() -> Ranker.parse(renamed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retrain");
        String shorter = weighingOnly("rule_confidence", 1, 0.8).format().replaceFirst("(?m)^sighting_cue .*\\n", "");
        assertThatThrownBy(() -> Ranker.parse(shorter)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theShippedModelLoadsAndKeepsOnlyConfidentValues() {
        Ranker shipped = Ranker.shipped().orElseThrow();
        assertThat(shipped.keepThreshold()).isBetween(0.5, 0.99);
    }
}
