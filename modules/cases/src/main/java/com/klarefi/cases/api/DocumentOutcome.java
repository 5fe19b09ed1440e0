package com.klarefi.cases.api;

import java.util.Optional;

/** How processing a document ended, as the case shows it: ids and statuses, never content. */
public record DocumentOutcome(
        String docId,
        String status,
        Optional<String> failureCode,
        Optional<String> failureMessage,
        Optional<String> mediaType,
        Optional<Integer> pageCount) {

    public static DocumentOutcome processed(String docId, String mediaType, int pageCount) {
        return new DocumentOutcome(
                docId, "processed", Optional.empty(), Optional.empty(), Optional.of(mediaType), Optional.of(pageCount));
    }

    /** A document sent through processing again: waiting, its earlier failure forgotten. */
    public static DocumentOutcome queued(String docId) {
        return new DocumentOutcome(
                docId, "queued", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static DocumentOutcome failed(String docId, String code, String message) {
        return new DocumentOutcome(
                docId, "failed", Optional.of(code), Optional.of(message), Optional.empty(), Optional.empty());
    }
}
