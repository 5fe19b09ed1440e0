package com.klarefi.extraction.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.internal.decide.Ranker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training command is reproducible, and the shipped model is what it makes of the committed rows. */
class RankerTrainingTest {
    private static final Path ROWS = Path.of("training/rows.csv");

    @Test
    void theSameRowsGiveTheSameModelFile() {
        List<TrainingRows.Row> rows = TrainingRows.read(ROWS);
        assertThat(RankerFit.fit(rows).format())
                .isEqualTo(RankerFit.fit(TrainingRows.read(ROWS)).format());
    }

    @Test
    void theShippedModelIsTheOneTheCommittedRowsGive() throws IOException {
        String shipped;
        try (InputStream in = Ranker.class.getResourceAsStream(Ranker.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(RankerFit.fit(TrainingRows.read(ROWS)).format())
                .as("the shipped ranker.model: run scripts/train-extraction to make it again from training/rows.csv")
                .isEqualTo(shipped);
    }

    @Test
    void rowsReadBackAsWritten(@TempDir Path dir) {
        List<TrainingRows.Row> rows = TrainingRows.read(ROWS).subList(0, 50);
        TrainingRows.write(rows, dir.resolve("rows.csv"));
        List<TrainingRows.Row> again = TrainingRows.read(dir.resolve("rows.csv"));
        assertThat(again).hasSize(50);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(again.get(i).signals()).containsExactly(rows.get(i).signals());
            assertThat(again.get(i).label()).isEqualTo(rows.get(i).label());
        }
    }

    @Test
    void theKeepThresholdHoldsWrongKeepsUnderTheTargetOutOfFold() {
        List<TrainingRows.Row> rows =
                List.of(row(0, 0, 1, 0.9), row(0, 0, 0, 0.2), row(1, 1, 1, 0.8), row(2, 2, 0, 0.7), row(3, 3, 1, 0.95));
        double[] probability = {0.97, 0.1, 0.9, 0.75, 0.99};
        // keeping from 0.75 would keep the wrong value of group 2
        assertThat(RankerFit.threshold(rows, probability)).isGreaterThan(0.75).isLessThanOrEqualTo(0.9);
        RankerFit.KeepScore score = RankerFit.keepScore(rows, probability, 0.9);
        assertThat(score.right()).isEqualTo(3);
        assertThat(score.wrong()).isZero();
    }

    @Test
    void oneValueOverTheTargetDoesNotSendEveryValueToReview() {
        // 200 groups with one right value each at 0.95, and 3 wrong values at 0.97: 1.5 % wrong at any
        // threshold below 0.97, within one value of the 1 % target
        List<TrainingRows.Row> rows = new java.util.ArrayList<>();
        double[] probability = new double[203];
        for (int i = 0; i < 203; i++) {
            rows.add(row(i, i, i < 200 ? 1 : 0, 0.9));
            probability[i] = i < 200 ? 0.95 : 0.97;
        }
        assertThat(RankerFit.threshold(rows, probability)).isLessThanOrEqualTo(0.95);
    }

    private static TrainingRows.Row row(int caseIndex, int group, int label, double rule) {
        double[] signals = new double[Ranker.SIGNALS.size()];
        signals[0] = rule;
        return new TrainingRows.Row("builtin", "doc", "A", caseIndex, group, 1, true, label, signals);
    }
}
