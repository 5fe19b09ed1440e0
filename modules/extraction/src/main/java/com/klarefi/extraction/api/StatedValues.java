package com.klarefi.extraction.api;

import com.klarefi.extraction.internal.StatedValueReader;
import java.util.Optional;

/**
 * Values a person typed (an applicant's statement), read with the recognisers that read documents,
 * so a stated value has the same normalised form as a value found on a page.
 */
public interface StatedValues {
    /**
     * The typed text as a value of the feature ({@code 3 februari 2023} becomes {@code 2023-02-03});
     * empty when the whole input is not such a value.
     */
    Optional<String> normalize(FeatureDefinition feature, String typed);

    static StatedValues create() {
        return new StatedValueReader();
    }
}
