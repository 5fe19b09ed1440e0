package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.StatedValues;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recognisers;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a value a person typed with the recognisers that read documents, so a stated value has the
 * same normalised form as a value found on a page. The whole input must be the value.
 */
public final class StatedValueReader implements StatedValues {
    /** Free-form types: whatever a person types is the value, as typed, when no recogniser reads it. */
    private static final Set<FeatureType> FREE_FORM =
            EnumSet.of(FeatureType.PERSON_NAME, FeatureType.ORGANIZATION_NAME, FeatureType.TEXT);

    private static final int MAX_LENGTH = 500;

    private final Recognisers recognisers = new Recognisers();

    @Override
    public Optional<String> normalize(FeatureDefinition feature, String typed) {
        String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<String> read = recognisers
                .forFeature(feature)
                .readAt(text, 0, text.length())
                .filter(match -> wholeInput(text, match))
                .map(Match::normalized);
        if (read.isPresent()) {
            return read;
        }
        boolean freeForm = FREE_FORM.contains(feature.type())
                || feature.type() == FeatureType.IDENTIFIER && feature.pattern().isEmpty();
        return freeForm ? Optional.of(text) : Optional.empty();
    }

    private static boolean wholeInput(String text, Match match) {
        return text.substring(match.end()).replaceAll("[\\s.,;]", "").isEmpty();
    }
}
