package com.klarefi.processing.api;

import com.klarefi.extraction.api.CaseType;

/**
 * A case type with the JSON it was defined by and where it came from ({@code built-in},
 * {@code file <name>} from {@code KLAREFI_CASE_TYPES_DIR}, or {@code admin}).
 */
public record CaseTypeDefinition(CaseType caseType, String definition, String source) {}
