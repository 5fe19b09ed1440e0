package com.klarefi.extraction.api;

import com.klarefi.extraction.internal.ExtractionEngine;
import java.util.List;

/**
 * Reads a case's documents for the features of its case type. Deterministic: the same case type
 * and documents give the same candidates, evidence, decisions and ids. Thread-safe.
 */
public interface Extractor {
    ExtractionResult extract(CaseType caseType, List<DocumentText> documents);

    /** The engine: typed recognisers, labels and layout; no model, no network. */
    static Extractor create() {
        return ExtractionEngine.create();
    }
}
