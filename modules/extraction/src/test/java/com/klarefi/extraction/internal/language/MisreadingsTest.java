package com.klarefi.extraction.internal.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words OCR misread by one character, read as the lexicon's word they were printed as. */
class MisreadingsTest {
    private static final CaseType RECEIPT = CaseTypes.parse("""
            {"id": "receipt", "name": "Receipt", "locales": ["en"], "features": [
              {"id": "total", "type": "money", "labels": {"en": ["Total"]}},
              {"id": "tax", "type": "money", "labels": {"en": ["Tax"]}}]}""");

    private final FeatureMatcher matcher = new FeatureMatcher(RECEIPT, Lexicon.standard());

    private double similarity(String key, String feature) {
        return matcher.key(key).features().getOrDefault(feature, 0.0);
    }

    @Test
    void aWordOneEditFromExactlyOneWordIsThatWord() {
        Misreadings misreadings = new Misreadings(List.of("sales", "total", "inclusive", "invoice"));

        assertThat(misreadings.meant("saies")).contains("sales"); // a letter replaced
        assertThat(misreadings.meant("tota")).contains("total"); // dropped
        assertThat(misreadings.meant("inclusiva")).contains("inclusive");
        assertThat(misreadings.meant("xtotal")).contains("total"); // added at an edge
    }

    @Test
    void aWordTwoEditsAwayOrNearTwoWordsOrTooShortStaysItself() {
        Misreadings misreadings = new Misreadings(List.of("sales", "tales", "total", "items"));

        assertThat(misreadings.meant("loiai")).isEmpty(); // two letters from "total"
        assertThat(misreadings.meant("males")).isEmpty(); // "sales" or "tales"?
        assertThat(misreadings.meant("tem")).isEmpty(); // too short to tell
        assertThat(misreadings.meant("t0tal")).isEmpty(); // not a word of letters
        assertThat(new Misreadings(List.of("item")).meant("items")).isEmpty(); // no word of four letters is a target
        assertThat(new Misreadings(List.of("price")).meant("prive")).isEmpty(); // a v is no c
        assertThat(misreadings.meant("toatl")).isEmpty(); // letters swapped: no misreading of one glyph
    }

    @Test
    void aKeyWithAMisreadWordNamesTheFeatureItsPrintedWordsName() {
        assertThat(similarity("Total Sales (inclusiva of GST)", "total"))
                .isEqualTo(similarity("Total Sales (inclusive of GST)", "total"))
                .isGreaterThan(FeatureMatcher.THRESHOLD);
        assertThat(similarity("Tota]", "total")).isGreaterThan(FeatureMatcher.THRESHOLD);
    }

    @Test
    void aWordTheLexiconKnowsIsNeverReadAsAnother() {
        Lexicon lexicon = Lexicon.standard();

        assertThat(lexicon.misread("total")).isEmpty();
        assertThat(lexicon.misread("totals")).isEmpty(); // its stem is a term's
        assertThat(lexicon.misread("prive")).isEmpty(); // "Telnr. (privé)"
        assertThat(lexicon.misread("inclusiva")).contains("inclusive");
    }
}
