package com.klarefi.processing.internal.db;

import java.util.Optional;

/** A document's bookkeeping (never its content). */
public record DocumentRecord(
        String id,
        String orgId,
        String environment,
        String caseId,
        String caseTypeId,
        String sourceUrl,
        String status,
        int attempts,
        boolean hasContent,
        Optional<String> mediaType) {}
