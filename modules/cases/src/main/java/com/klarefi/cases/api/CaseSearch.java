package com.klarefi.cases.api;

import java.util.Optional;

/**
 * What an operator looks for among the cases of every organisation: {@code text} is a case id or
 * the start of an {@code external_case_id} (blank: any), and each present filter must match.
 * {@code withFailedDocument} keeps only cases of which at least one document failed,
 * {@code withValueToReview} only cases with a feature decided {@code review}: the review queue.
 */
public record CaseSearch(
        String text,
        Optional<String> status,
        Optional<String> caseTypeId,
        Optional<String> orgId,
        boolean withFailedDocument,
        boolean withValueToReview) {
    public CaseSearch {
        text = text == null ? "" : text.strip();
    }

    /** The most recently changed cases, unfiltered. */
    public static CaseSearch latest() {
        return new CaseSearch("", Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }
}
