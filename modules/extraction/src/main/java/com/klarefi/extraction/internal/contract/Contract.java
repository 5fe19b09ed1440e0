package com.klarefi.extraction.internal.contract;

import java.util.List;

/**
 * What a document's structure states of the clauses of a contract. {@code opening} says whether it
 * opens as a contract does (a sentence listing its parties): then the structure speaks for its
 * parties, and labels found elsewhere in it only suggest. {@code agreement} says whether it is an
 * agreement at all: it opens as one, or its first page calls it one (a letter agreement).
 */
public record Contract(boolean opening, boolean agreement, List<Statement> statements) {
    public Contract {
        statements = List.copyOf(statements);
    }

    /** No contract: nothing stated. */
    public static Contract none() {
        return new Contract(false, false, List.of());
    }

    /** The statements of a clause on a page. */
    public List<Statement> on(int page, Clause clause) {
        return statements.stream()
                .filter(s -> s.page() == page && s.clause() == clause)
                .toList();
    }

    /** Whether the document states the clause anywhere. */
    public boolean states(Clause clause) {
        return statements.stream().anyMatch(s -> s.clause() == clause);
    }
}
