package com.klarefi.platform.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count per combination of label values. */
public final class Counter implements Metrics.Instrument {
    private final String name;
    private final String help;
    private final String[] labelNames;
    private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    Counter(String name, String help, String[] labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames.clone();
    }

    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void add(long amount, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException(name + " takes labels " + List.of(labelNames));
        }
        values.computeIfAbsent(List.of(labelValues), key -> new LongAdder()).add(amount);
    }

    public long value(String... labelValues) {
        LongAdder adder = values.get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public void render(StringBuilder out) {
        Metrics.header(out, name, help, "counter");
        values.forEach((labelValues, adder) -> out.append(name)
                .append(Metrics.labels(labelNames, labelValues, null, null))
                .append(' ')
                .append(adder.sum())
                .append('\n'));
    }
}
