package com.klarefi.extraction.api;

/** What was decided for a feature over all documents of a case. */
public enum DecisionOutcome {
    /** One value (or, for cardinality many, a set of values) is clearly supported. */
    KEEP("keep"),
    /** Candidates conflict or none is confident enough: a person should look; a best guess is selected. */
    REVIEW("review"),
    /** No document states the feature. */
    MISSING("missing");

    private final String wireName;

    DecisionOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
