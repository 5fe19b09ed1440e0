package com.klarefi.platform.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small metrics registry with the Prometheus text exposition format: counters and histograms
 * with labels, and gauges read at scrape time. Instruments are created once while wiring and then
 * updated lock-free on hot paths.
 */
public final class Metrics {
    /** Latency buckets in seconds: from a fast API call to a long OCR job. */
    public static final double[] SECONDS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();

    public Counter counter(String name, String help, String... labels) {
        return (Counter) instruments.computeIfAbsent(name, key -> new Counter(name, help, labels));
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labels) {
        return (Histogram) instruments.computeIfAbsent(name, key -> new Histogram(name, help, buckets, labels));
    }

    /** A value computed when scraped, e.g. a queue depth; each sample maps label values to a number. */
    public void gauge(String name, String help, List<String> labels, Supplier<Map<List<String>, Double>> samples) {
        instruments.computeIfAbsent(name, key -> new Gauge(name, help, labels, samples));
    }

    /** Every instrument in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>(instruments.keySet());
        names.sort(String::compareTo);
        for (String name : names) {
            instruments.get(name).render(out);
        }
        return out.toString();
    }

    /** Something that can write itself in the exposition format. */
    interface Instrument {
        void render(StringBuilder out);
    }

    static String labels(String[] names, List<String> values, String extraName, String extraValue) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            append(out, names[i], values.get(i));
        }
        if (extraName != null) {
            append(out, extraName, extraValue);
        }
        return out.isEmpty() ? "" : "{" + out + "}";
    }

    private static void append(StringBuilder out, String name, String value) {
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(name)
                .append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append('"');
    }

    static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private record Gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Double>> samples)
            implements Instrument {
        @Override
        public void render(StringBuilder out) {
            Map<List<String>, Double> values;
            try {
                values = samples.get();
            } catch (RuntimeException e) {
                return;
            }
            header(out, name, help, "gauge");
            String[] names = labelNames.toArray(String[]::new);
            values.forEach((labelValues, value) -> out.append(name)
                    .append(labels(names, labelValues, null, null))
                    .append(' ')
                    .append(number(value))
                    .append('\n'));
        }
    }
}
