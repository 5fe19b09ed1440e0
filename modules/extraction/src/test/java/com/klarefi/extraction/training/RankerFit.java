package com.klarefi.extraction.training;

import com.klarefi.extraction.internal.decide.Ranker;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fits the ranker: L2-regularised logistic regression (liblinear's primal trust-region Newton
 * solver, deterministic) on standardised signals, then the keep threshold on out-of-fold
 * predictions (see {@link #threshold}). Where the rows hold documents of two or more template
 * folds, each fold's documents are predicted by a model fitted on the other folds' documents: the
 * threshold is then chosen on layouts the model has not seen, as in use, and no lower than the one
 * chosen on whole cases (where documents may disagree) split in {@link #FOLDS} folds. Without
 * template folds, the cases' threshold alone.
 */
public final class RankerFit {
    static final double COST = 1.0;
    static final int FOLDS = 5;
    /** The target share of wrong values among the kept ones. */
    static final double WRONG_KEEP = 0.01;
    /** Keep F1 this close to the best is as good: the difference is a few values. */
    static final double F1_TOLERANCE = 0.002;

    private RankerFit() {}

    public static Ranker fit(List<TrainingRows.Row> rows) {
        Ranker model = weights(rows);
        List<String> templates = rows.stream()
                .filter(row -> row.scope().equals("doc") && !row.fold().equals("-"))
                .map(TrainingRows.Row::fold)
                .distinct()
                .sorted()
                .toList();
        List<TrainingRows.Row> cases =
                rows.stream().filter(row -> !row.scope().equals("doc")).toList();
        double byCases = cases.isEmpty()
                ? 0
                : threshold(cases, outOfFold(cases, row -> String.valueOf(row.caseIndex() % FOLDS)));
        if (templates.size() >= 2) {
            // documents read alone, each predicted by a model that has not seen its template; and whole
            // cases, where documents may disagree, each predicted by a model that has not seen the case
            List<TrainingRows.Row> documents =
                    rows.stream().filter(row -> row.scope().equals("doc")).toList();
            return model.withKeepThreshold(Math.max(
                    byCases, threshold(documents, outOfFold(documents, row -> row.fold()))));
        }
        return model.withKeepThreshold(
                cases.isEmpty()
                        ? threshold(rows, outOfFold(rows, row -> String.valueOf(row.caseIndex() % FOLDS)))
                        : byCases);
    }

    /** Each row's probability from a model fitted on the rows of the other folds. */
    private static double[] outOfFold(List<TrainingRows.Row> rows, Function<TrainingRows.Row, String> foldOf) {
        double[] probability = new double[rows.size()];
        for (String fold : rows.stream().map(foldOf).distinct().sorted().toList()) {
            Ranker partial = weights(
                    rows.stream().filter(row -> !foldOf.apply(row).equals(fold)).toList());
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf.apply(rows.get(i)).equals(fold)) {
                    probability[i] = partial.probability(rows.get(i).signals());
                }
            }
        }
        return probability;
    }

    /** The weights fitted on all rows with a candidate; the keep threshold is left at 0.5. */
    static Ranker weights(List<TrainingRows.Row> rows) {
        List<TrainingRows.Row> candidates =
                rows.stream().filter(TrainingRows.Row::candidate).toList();
        int n = Ranker.SIGNALS.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (TrainingRows.Row row : candidates) {
            for (int j = 0; j < n; j++) {
                mean[j] += row.signals()[j] / candidates.size();
            }
        }
        for (TrainingRows.Row row : candidates) {
            for (int j = 0; j < n; j++) {
                scale[j] += Math.pow(row.signals()[j] - mean[j], 2) / candidates.size();
            }
        }
        for (int j = 0; j < n; j++) {
            scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
        }
        Problem problem = new Problem();
        problem.l = candidates.size();
        problem.n = n + 1;
        problem.bias = 1;
        problem.x = new Feature[candidates.size()][];
        problem.y = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Feature[] x = new Feature[n + 1];
            for (int j = 0; j < n; j++) {
                x[j] = new FeatureNode(j + 1, (candidates.get(i).signals()[j] - mean[j]) / scale[j]);
            }
            x[n] = new FeatureNode(n + 1, 1);
            problem.x[i] = x;
            problem.y[i] = candidates.get(i).label() == 1 ? 1 : -1;
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, COST, 1e-4));
        double[] w = model.getFeatureWeights();
        // liblinear's weights give the probability of its first label
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            weights[j] = sign * w[j];
        }
        return new Ranker(mean, scale, weights, sign * w[n], 0.5);
    }

    /**
     * The keep threshold: the highest of those whose keep F1 comes within {@link #F1_TOLERANCE} of
     * the best F1 among the thresholds whose wrong keeps stay within {@link #WRONG_KEEP}. Keep F1
     * is flat over a wide range of thresholds (a few values either way) while the wrong keeps fall
     * by half across it: on layouts the model has not seen, the higher threshold is the safer one.
     * The wrong keeps are judged to one value (see {@link KeepScore#withinTarget}).
     */
    static double threshold(List<TrainingRows.Row> rows, double[] probability) {
        Map<Double, KeepScore> scores = new LinkedHashMap<>();
        double bestF1 = -1;
        for (int step = 50; step <= 99; step++) {
            double threshold = step / 100.0;
            KeepScore score = keepScore(rows, probability, threshold);
            scores.put(threshold, score);
            if (Boolean.getBoolean("ranker.debug")) { // the curve the threshold is chosen from
                System.out.printf(
                        "  t %.2f right %d wrong %d missed %d f1 %.4f wrong %.4f%n",
                        threshold, score.right(), score.wrong(), score.missed(), score.f1(), score.wrongShare());
            }
            if (score.withinTarget()) {
                bestF1 = Math.max(bestF1, score.f1());
            }
        }
        double chosen = 0.99;
        for (var entry : scores.entrySet()) {
            if (entry.getValue().withinTarget() && entry.getValue().f1() >= bestF1 - F1_TOLERANCE) {
                chosen = entry.getKey();
            }
        }
        return chosen;
    }

    /** Keep decisions as the decider makes them from these probabilities: right, wrong and missed values. */
    record KeepScore(int right, int wrong, int missed) {
        double f1() {
            return right == 0 ? 0 : 2.0 * right / (2.0 * right + wrong + missed);
        }

        double wrongShare() {
            return right + wrong == 0 ? 0 : wrong / (double) (right + wrong);
        }

        /**
         * Wrong keeps within {@link #WRONG_KEEP} of the kept values, give or take one value where the
         * target allows one at all: a share cannot be told finer than one value, and without the slack
         * a single value over the target sent the threshold to 0.99 and nearly every value to review.
         */
        boolean withinTarget() {
            double allowed = WRONG_KEEP * (right + wrong);
            return wrong <= (allowed >= 1 ? allowed + 1 : allowed);
        }
    }

    static KeepScore keepScore(List<TrainingRows.Row> rows, double[] probability, double threshold) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(rows.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        int right = 0;
        int wrong = 0;
        int missed = 0;
        for (List<Integer> group : groups.values()) {
            TrainingRows.Row first = rows.get(group.getFirst());
            List<Integer> kept = new ArrayList<>();
            if (first.candidate()) {
                boolean many = first.signals()[Ranker.SIGNALS.indexOf("many")] > 0;
                int top = group.stream()
                        .max((a, b) -> Double.compare(probability[a], probability[b]))
                        .orElseThrow();
                (many ? group : List.of(top))
                        .stream()
                                .filter(i -> round(probability[i]) >= threshold)
                                .forEach(kept::add);
            }
            int groupRight =
                    (int) kept.stream().filter(i -> rows.get(i).label() == 1).count();
            right += groupRight;
            wrong += kept.size() - groupRight;
            missed += Math.max(0, first.gold() - groupRight);
        }
        return new KeepScore(right, wrong, missed);
    }

    private static double round(double probability) {
        return Math.round(probability * 1000) / 1000.0;
    }
}
