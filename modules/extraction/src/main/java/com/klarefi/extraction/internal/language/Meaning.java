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
        return units.stream().anyMatch(unit::sameAs);
    }
}
