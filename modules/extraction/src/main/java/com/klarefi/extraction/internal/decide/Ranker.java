package com.klarefi.extraction.internal.decide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The learned ranker: a logistic regression over a candidate's generic signals ({@link #SIGNALS})
 * giving the probability that the candidate is the feature's value, and the probability from which
 * a value is kept. The weights are fitted by {@code scripts/train-extraction} (liblinear) on rows of
 * signals from the development corpus; the keep threshold is chosen on out-of-fold predictions.
 * Scoring is a dot product; the model file is a few lines of text, read once at start.
 */
public final class Ranker {
    /** The file the engine loads, beside this class. */
    public static final String RESOURCE = "ranker.model";

    /** Signals of the candidate as a whole, before the clues of its strongest sighting. */
    enum CandidateSignal {
        RULE_CONFIDENCE,
        COMBINED_SUPPORT,
        RIVAL_SUPPORT,
        RULE_TOP,
        RULE_GAP,
        DOCUMENTS,
        SIGHTINGS,
        CANDIDATES,
        MANY,
        BEST_LABEL,
        BEST_SIMILARITY
    }

    /** The names of the signals in the order of a signal vector. */
    public static final List<String> SIGNALS = Stream.concat(
                    Arrays.stream(CandidateSignal.values()).map(s -> s.name().toLowerCase(Locale.ROOT)),
                    Arrays.stream(Clue.values()).map(c -> "sighting_" + c.name().toLowerCase(Locale.ROOT)))
            .toList();

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final double keep;

    public Ranker(double[] mean, double[] scale, double[] weights, double bias, double keep) {
        if (mean.length != SIGNALS.size() || scale.length != SIGNALS.size() || weights.length != SIGNALS.size()) {
            throw new IllegalArgumentException("a ranker needs one mean, scale and weight per signal");
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.keep = keep;
    }

    /** The shipped model, if the build carries one. */
    public static Optional<Ranker> shipped() {
        try (InputStream in = Ranker.class.getResourceAsStream(RESOURCE)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("the ranker model cannot be read", e);
        }
    }

    /** The probability that a candidate with these signals is the feature's value. */
    public double probability(double[] signals) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (signals[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** A candidate is kept from this probability on. */
    public double keepThreshold() {
        return keep;
    }

    public Ranker withKeepThreshold(double threshold) {
        return new Ranker(mean, scale, weights, bias, threshold);
    }

    /** The model as text: the same model always gives the same bytes. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("# Learned ranker of the extraction engine: logistic regression on standardised signals.\n");
        out.append("# Written by scripts/train-extraction; do not edit by hand. Columns: signal mean scale weight.\n");
        for (int i = 0; i < SIGNALS.size(); i++) {
            out.append(SIGNALS.get(i))
                    .append(' ')
                    .append(mean[i])
                    .append(' ')
                    .append(scale[i])
                    .append(' ')
                    .append(weights[i])
                    .append('\n');
        }
        out.append("bias ").append(bias).append('\n');
        out.append("keep ").append(keep).append('\n');
        return out.toString();
    }

    /** Reads a model written by {@link #format()}; a model for other signals is refused. */
    public static Ranker parse(String text) {
        List<String[]> rows = new ArrayList<>();
        text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> rows.add(line.trim().split(" ")));
        if (rows.size() != SIGNALS.size() + 2) {
            throw new IllegalStateException("the ranker model has " + rows.size() + " rows, not " + (SIGNALS.size() + 2)
                    + ": retrain it with scripts/train-extraction");
        }
        double[] mean = new double[SIGNALS.size()];
        double[] scale = new double[SIGNALS.size()];
        double[] weights = new double[SIGNALS.size()];
        for (int i = 0; i < SIGNALS.size(); i++) {
            String[] row = rows.get(i);
            if (row.length != 4 || !row[0].equals(SIGNALS.get(i))) {
                throw new IllegalStateException("the ranker model's row " + (i + 1) + " is not the signal "
                        + SIGNALS.get(i) + ": retrain it with scripts/train-extraction");
            }
            mean[i] = Double.parseDouble(row[1]);
            scale[i] = Double.parseDouble(row[2]);
            weights[i] = Double.parseDouble(row[3]);
        }
        return new Ranker(
                mean,
                scale,
                weights,
                value(rows.get(SIGNALS.size()), "bias"),
                value(rows.get(SIGNALS.size() + 1), "keep"));
    }

    private static double value(String[] row, String name) {
        if (row.length != 2 || !row[0].equals(name)) {
            throw new IllegalStateException("the ranker model lacks its " + name + " row");
        }
        return Double.parseDouble(row[1]);
    }
}
