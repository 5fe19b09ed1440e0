package com.klarefi.extraction.api;

import com.klarefi.extraction.internal.casetype.CaseTypeParser;
import java.util.List;

/** Reading case type definitions (JSON) and the case types that ship with the product. */
public final class CaseTypes {
    private CaseTypes() {}

    /**
     * Parses and validates a definition.
     *
     * @throws InvalidCaseTypeException listing every problem with its JSON path
     */
    public static CaseType parse(String json) {
        return CaseTypeParser.parse(json);
    }

    /** {@code motor_claim}, {@code travel_claim}, and the examples {@code receipt} and {@code nda}. */
    public static List<CaseType> builtIn() {
        return CaseTypeParser.builtIn();
    }

    /** The JSON definitions of the built-in case types, in the order of {@link #builtIn()}. */
    public static List<String> builtInDefinitions() {
        return CaseTypeParser.builtInDefinitions();
    }
}
