package com.klarefi.cases.internal.db;

import java.util.Optional;

public record DocumentRow(
        String docId,
        String status,
        Optional<String> failureCode,
        Optional<String> failureMessage,
        Optional<String> mediaType,
        Optional<Integer> pageCount) {}
