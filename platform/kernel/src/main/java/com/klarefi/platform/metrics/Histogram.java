package com.klarefi.platform.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations counted into cumulative buckets, with their sum and count, per label values. */
public final class Histogram implements Metrics.Instrument {
    private final String name;
    private final String help;
    private final double[] buckets;
    private final String[] labelNames;
    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

    private record Series(LongAdder[] counts, DoubleAdder sum, LongAdder count) {}

    Histogram(String name, String help, double[] buckets, String[] labelNames) {
        this.name = name;
        this.help = help;
        this.buckets = buckets.clone();
        this.labelNames = labelNames.clone();
    }

    public void observe(double value, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException(name + " takes labels " + List.of(labelNames));
        }
        Series one = series.computeIfAbsent(List.of(labelValues), key -> {
            LongAdder[] counts = new LongAdder[buckets.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
            return new Series(counts, new DoubleAdder(), new LongAdder());
        });
        for (int i = 0; i < buckets.length; i++) {
            if (value <= buckets[i]) {
                one.counts()[i].increment();
            }
        }
        one.sum().add(value);
        one.count().increment();
    }

    public long count(String... labelValues) {
        Series one = series.get(List.of(labelValues));
        return one == null ? 0 : one.count().sum();
    }

    @Override
    public void render(StringBuilder out) {
        Metrics.header(out, name, help, "histogram");
        series.forEach((labelValues, one) -> {
            for (int i = 0; i < buckets.length; i++) {
                out.append(name)
                        .append("_bucket")
                        .append(Metrics.labels(labelNames, labelValues, "le", Metrics.number(buckets[i])))
                        .append(' ')
                        .append(one.counts()[i].sum())
                        .append('\n');
            }
            out.append(name)
                    .append("_bucket")
                    .append(Metrics.labels(labelNames, labelValues, "le", "+Inf"))
                    .append(' ')
                    .append(one.count().sum())
                    .append('\n');
            out.append(name)
                    .append("_sum")
                    .append(Metrics.labels(labelNames, labelValues, null, null))
                    .append(' ')
                    .append(one.sum().sum())
                    .append('\n');
            out.append(name)
                    .append("_count")
                    .append(Metrics.labels(labelNames, labelValues, null, null))
                    .append(' ')
                    .append(one.count().sum())
                    .append('\n');
        });
    }
}
