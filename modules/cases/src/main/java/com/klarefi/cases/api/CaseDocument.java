package com.klarefi.cases.api;

import java.util.Optional;

/** A document of a case and how far its processing got. */
public record CaseDocument(
        String docId,
        String status,
        Optional<String> failureCode,
        Optional<String> failureMessage,
        Optional<String> mediaType,
        Optional<Integer> pageCount) {}
