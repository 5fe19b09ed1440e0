package com.klarefi.extraction.api;

import java.util.List;

/** A case type definition that cannot be used; {@link #problems()} says what is wrong and where. */
public final class InvalidCaseTypeException extends RuntimeException {
    private final List<String> problems;

    public InvalidCaseTypeException(List<String> problems) {
        super("invalid case type: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
