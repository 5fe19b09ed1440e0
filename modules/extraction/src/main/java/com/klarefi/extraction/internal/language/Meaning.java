package com.klarefi.extraction.internal.language;

import java.util.List;

/** What a key or label says, as units of meaning in text order. */
record Meaning(List<Unit> units) {
    Meaning {
        units = List.copyOf(units);
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    boolean has(Unit unit) {
        for (Unit own : units) {
            if (unit.sameAs(own)) {
                return true;
            }
        }
        return false;
    }

    /** The weight with which this meaning says what the unit says: 0 if it does not. */
    double weightOf(Unit unit) {
        double weight = 0;
        for (Unit own : units) {
            if (unit.sameAs(own)) {
                weight = Math.max(weight, own.weight());
            }
        }
        return weight;
    }
}
