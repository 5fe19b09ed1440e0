package com.klarefi.processing.api;

import java.util.Optional;

/** What erasure needs to know about a document: its case, and the hash of its bytes for the audit. */
public record ErasableDocument(String docId, String caseId, String caseTypeId, Optional<String> sha256) {}
