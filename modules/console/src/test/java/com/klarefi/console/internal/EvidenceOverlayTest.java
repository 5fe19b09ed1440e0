package com.klarefi.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.processing.api.PageText;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The evidence's words outlined over the page image, in the page's own units. */
class EvidenceOverlayTest {
    private static final Word POLICY = new Word(0, 11, 72f, 130f, 150f, 144f, 1f);
    private static final Word NUMBER = new Word(13, 22, 155f, 130f, 215f, 144f, 1f);
    private static final Word DATE = new Word(23, 33, 72f, 146f, 140f, 160f, 1f);
    private static final PageText PAGE = new PageText(
            "doc_1",
            0,
            TextMethod.BORN_DIGITAL_TEXT,
            "Polisnummer: AB-123456\nSchadedatum",
            1,
            595f,
            842f,
            List.of(POLICY, NUMBER, DATE));

    @Test
    void onlyTheWordsThatShareACharacterWithTheQuoteAreOutlined() {
        assertThat(EvidenceOverlay.quoted(PAGE.words(), 13, 22)).containsExactly(NUMBER);
        assertThat(EvidenceOverlay.quoted(PAGE.words(), 5, 15)).containsExactly(POLICY, NUMBER);
        assertThat(EvidenceOverlay.quoted(PAGE.words(), 11, 13)).isEmpty();
    }

    @Test
    void theBoxesAreDrawnInThePagesUnitsOverTheImage() {
        String figure =
                EvidenceOverlay.figure("/dashboard/cases/c/documents/doc_1/pages/0/image", PAGE, evidence(13, 22), 0);

        assertThat(figure)
                .contains("<svg viewBox=\"0 0 595.00 842.00\" preserveAspectRatio=\"none\" aria-hidden=\"true\"")
                .contains("<rect class=\"evidence-box\" x=\"155.00\" y=\"130.00\" width=\"60.00\" height=\"14.00\"/>")
                .contains("alt=\"Image of page 1\"")
                .contains("the evidence outlined (1 word)");
    }

    @Test
    void withoutEvidenceThePageIsShownWithoutBoxes() {
        assertThat(EvidenceOverlay.figure("/image", PAGE, Optional.empty(), 2))
                .doesNotContain("<rect")
                .contains("Page 3.");
    }

    private static Optional<CaseFeature.Evidence> evidence(int start, int end) {
        return Optional.of(new CaseFeature.Evidence(
                "ev_1", "doc_1", 0, start, end, Optional.empty(), "AB-123456", "text", OptionalDouble.empty()));
    }
}
