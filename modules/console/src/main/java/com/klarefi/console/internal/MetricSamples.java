package com.klarefi.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own metrics, read back from the Prometheus text it serves at
 * {@code /admin/v1/metrics}: the overview shows exactly what monitoring sees.
 */
final class MetricSamples {
    /** One line of the exposition: a name, its labels and a value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private MetricSamples(List<Sample> samples) {
        this.samples = samples;
    }

    static MetricSamples parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher matcher = LINE.matcher(line.strip());
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(
                            label.group(1),
                            label.group(2)
                                    .replace("\\\"", "\"")
                                    .replace("\\n", "\n")
                                    .replace("\\\\", "\\"));
                }
            }
            try {
                samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
            } catch (NumberFormatException notANumber) {
                // NaN and infinities are spelled differently in the format; the overview has no use for them.
            }
        }
        return new MetricSamples(samples);
    }

    /** The sum of {@code name}'s samples per value of {@code label}, largest first. */
    Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> sums = new LinkedHashMap<>();
        samples.stream()
                .filter(sample -> sample.name().equals(name))
                .forEach(sample -> sums.merge(sample.labels().getOrDefault(label, ""), sample.value(), Double::sum));
        Map<String, Double> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Like {@link #sumBy}, only over the samples whose {@code where} label has the value {@code is}. */
    Map<String, Double> sumBy(String name, String label, String where, String is) {
        return new MetricSamples(samples.stream()
                        .filter(sample -> is.equals(sample.labels().get(where)))
                        .toList())
                .sumBy(name, label);
    }
}
