package com.klarefi.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatedValueReaderTest {
    private final StatedValueReader values = new StatedValueReader();

    @Test
    void typedValuesGetTheNormalisedFormOfValuesOnAPage() {
        assertThat(values.normalize(feature(FeatureType.DATE), "3 februari 2023"))
                .contains("2023-02-03");
        assertThat(values.normalize(feature(FeatureType.DATE), " 2023-02-03 ")).contains("2023-02-03");
        assertThat(values.normalize(feature(FeatureType.IBAN), "nl91 abna 0417 1643 00"))
                .contains("NL91ABNA0417164300");
        assertThat(values.normalize(feature(FeatureType.LICENSE_PLATE), "GV-123-K"))
                .contains("GV-123-K");
    }

    @Test
    void somethingElseThanTheWholeValueIsNotAValue() {
        assertThat(values.normalize(feature(FeatureType.DATE), "next tuesday")).isEmpty();
        assertThat(values.normalize(feature(FeatureType.DATE), "3 februari 2023 or so"))
                .isEmpty();
        assertThat(values.normalize(feature(FeatureType.IBAN), "NL91 ABNA 0417 1643 01"))
                .isEmpty();
        assertThat(values.normalize(feature(FeatureType.DATE), "   ")).isEmpty();
    }

    @Test
    void namesAndFreeTextAreTakenAsTypedWithTheirSpacesCollapsed() {
        assertThat(values.normalize(feature(FeatureType.PERSON_NAME), "  mirjam   van dijk "))
                .contains("mirjam van dijk");
        assertThat(values.normalize(feature(FeatureType.TEXT), "Utrecht")).contains("Utrecht");
    }

    @Test
    void anIdentifierWithAPatternMustMatchIt() {
        FeatureDefinition frame = new FeatureDefinition(
                "frame_number",
                FeatureType.IDENTIFIER,
                Cardinality.ONE,
                Map.of(),
                Optional.of(Pattern.compile("[A-Z]{2}\\d{6}")),
                false);

        assertThat(values.normalize(frame, "WB123456")).contains("WB123456");
        assertThat(values.normalize(frame, "hello")).isEmpty();
    }

    private static FeatureDefinition feature(FeatureType type) {
        return new FeatureDefinition("f", type, Cardinality.ONE, Map.of(), Optional.empty(), false);
    }
}
