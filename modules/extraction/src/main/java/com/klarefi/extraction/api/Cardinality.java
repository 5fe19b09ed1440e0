package com.klarefi.extraction.api;

/** Whether a feature holds one value per case or a list of values. */
public enum Cardinality {
    ONE("one"),
    MANY("many");

    private final String wireName;

    Cardinality(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
