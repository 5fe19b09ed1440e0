package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.ReadingDocumentsTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Documents built to exhaust the reader: each must fail with a clean failure code, quickly and
 * without decoding what it claims to contain. The time bound is generous; it catches a reader that
 * decodes a bomb (minutes, or an OutOfMemoryError), not a slow machine.
 */
class HostileDocumentsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private final TextLayerSettings settings = TextLayerSettings.from(Settings.of(Map.of()));
    private final DocumentReader reader = DocumentReader.create(settings);
    /** The production budgets cost seconds of work to reach; the mechanism is the same with smaller ones. */
    private final DocumentReader smallBudgets = new LayeredReader(
            settings, new DocumentLimits(settings.maxPages(), settings.maxImagePixels(), 16L << 20, 200_000));

    @Test
    void aTenThousandPageTextPdfIsRefusedAsTooLargeBeforeAnyPageIsRead() {
        byte[] pdf = HostileFiles.textPdf(10_000);

        quickly(() -> {
            assertFailure(() -> reader.pageCount(pdf, MediaType.PDF), Code.TOO_LARGE);
            assertFailure(() -> reader.textLayers(pdf, MediaType.PDF), Code.TOO_LARGE);
        });
    }

    @Test
    void aFourMegabyteTextFileFailsAsTooLargeInsteadOfReachingTheDatabase() {
        byte[] text = "Jan Jansen NL91ABNA0417164300 ".repeat(140_000).getBytes(StandardCharsets.UTF_8);

        quickly(() -> assertFailure(() -> reader.textLayers(text, MediaType.PLAIN_TEXT), Code.TOO_LARGE));
    }

    @Test
    void aPageOfMoreWordsThanAPageMayHoldFailsAsTooLarge() {
        byte[] text = "a ".repeat(DocumentLimits.MAX_PAGE_WORDS + 1).getBytes(StandardCharsets.UTF_8);

        quickly(() -> assertFailure(() -> reader.textLayers(text, MediaType.PLAIN_TEXT), Code.TOO_LARGE));
    }

    @Test
    void anHtmlBodyAboveTheHtmlBudgetFailsAsTooLargeBeforeItIsParsed() {
        String html = "<p>" + "x".repeat(DocumentLimits.MAX_HTML_CHARS) + "</p>";
        byte[] mail = ("From: a@example.nl\nContent-Type: text/html\n\n" + html).getBytes(StandardCharsets.UTF_8);

        quickly(() -> assertFailure(() -> reader.textLayers(mail, MediaType.EMAIL), Code.TOO_LARGE));
    }

    @Test
    void aNulCharacterInAnEmailBecomesAReplacementCharacterThatTheDatabaseCanStore() {
        byte[] mail =
                "From: a@example.nl\nDate: x\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nNaam: Jan=00Jansen"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.detect(mail)).isEqualTo(MediaType.EMAIL);
        String text = reader.textLayers(mail, MediaType.EMAIL).getFirst().text();

        assertThat(text).doesNotContain("\0").endsWith("Naam: Jan\uFFFDJansen");
    }

    @Test
    void aPdfWithinThePageLimitIsReadInFull() {
        byte[] pdf = HostileFiles.textPdf(settings.maxPages());

        assertThat(reader.textLayers(pdf, MediaType.PDF)).hasSize(settings.maxPages());
    }

    @Test
    void aContentStreamThatInflatesToGigabytesIsStoppedAtTheContentBudget() {
        byte[] pdf = HostileFiles.contentBomb(64);

        assertThat(pdf.length).as("a small file on the wire").isLessThan(1 << 20);
        quickly(() -> assertFailure(() -> smallBudgets.textLayers(pdf, MediaType.PDF), Code.TOO_LARGE));
    }

    @Test
    void formsThatDrawEachOtherExponentiallyAreStoppedAtTheOperatorBudget() {
        byte[] pdf = HostileFiles.formBomb(9);

        quickly(() -> assertFailure(() -> smallBudgets.textLayers(pdf, MediaType.PDF), Code.TOO_LARGE));
    }

    @Test
    void theOperatorBudgetHoldsPerPageAndForTheWholeDocument() {
        DocumentLimits limits = DocumentLimits.of(settings);
        long perPage = DocumentLimits.MAX_PDF_OPERATORS / 10;

        limits.checkOperators(perPage, DocumentLimits.MAX_PDF_OPERATORS);
        assertFailure(() -> limits.checkOperators(perPage + 1, perPage + 1), Code.TOO_LARGE);
        assertFailure(() -> limits.checkOperators(1, DocumentLimits.MAX_PDF_OPERATORS + 1), Code.TOO_LARGE);
    }

    @Test
    void aGiantImageInsideAPdfIsRefusedWithoutBeingDecoded() {
        byte[] pdf = HostileFiles.giantImagePdf(10_000, 10_000);

        quickly(() -> assertFailure(() -> reader.textLayers(pdf, MediaType.PDF), Code.TOO_LARGE));
    }

    @Test
    void aGiantInlineImageIsRefusedWithoutBeingDecoded() {
        byte[] pdf = HostileFiles.inlineImageBomb(60_000);

        quickly(() -> assertFailure(() -> reader.textLayers(pdf, MediaType.PDF), Code.TOO_LARGE));
    }

    @Test
    void deeplyNestedObjectsFailAsUnreadableInsteadOfOverflowingTheStack() {
        byte[] pdf = HostileFiles.deeplyNestedPdf(200_000);

        quickly(() -> assertFailure(() -> reader.textLayers(pdf, MediaType.PDF), Code.DOCUMENT_UNREADABLE));
    }

    @Test
    void aPngWhoseHeaderClaimsBillionsOfPixelsIsRefusedAsTooLarge() {
        byte[] png = HostileFiles.pngClaiming(60_000, 60_000);

        assertThat(reader.detect(png)).isEqualTo(MediaType.PNG);
        quickly(() -> {
            assertFailure(() -> reader.pageCount(png, MediaType.PNG), Code.TOO_LARGE);
            assertFailure(() -> reader.textLayers(png, MediaType.PNG), Code.TOO_LARGE);
        });
    }

    @Test
    void corruptImagesAreUnreadable() {
        byte[] truncated = HostileFiles.truncatedPng();
        byte[] garbage = HostileFiles.jpegWithGarbage();

        assertFailure(() -> reader.textLayers(truncated, reader.detect(truncated)), Code.DOCUMENT_UNREADABLE);
        assertFailure(() -> reader.textLayers(garbage, MediaType.JPEG), Code.DOCUMENT_UNREADABLE);
    }

    @Test
    void aTiffWithMorePagesThanTheLimitIsRefusedAsTooLarge() {
        DocumentReader strict = DocumentReader.create(settings.withLimits(3, settings.maxImagePixels()));
        byte[] tiff = HostileFiles.tiffWithPages(5);

        assertThat(strict.pageCount(HostileFiles.tiffWithPages(3), MediaType.TIFF))
                .isEqualTo(3);
        assertFailure(() -> strict.pageCount(tiff, MediaType.TIFF), Code.TOO_LARGE);
        assertFailure(() -> strict.textLayers(tiff, MediaType.TIFF), Code.TOO_LARGE);
    }

    @Test
    void aPdfThatStaysWithinTheBudgetsIsReadAsUsual() {
        byte[] pdf = HostileFiles.formBomb(3);

        assertThat(smallBudgets.textLayers(pdf, MediaType.PDF).getFirst().text())
                .contains("lach");
    }

    @Test
    void aPageTooLargeToRenderAtTheConfiguredResolutionIsRenderedAtALowerOne() {
        DocumentLimits limits = DocumentLimits.of(settings.withLimits(10, 50_000_000));
        float[] a4 = {595, 842};
        float[] twoHundredInches = {14_400, 14_400};

        assertThat(limits.renderDpi(a4, 300)).isEqualTo(300f);
        float lowered = limits.renderDpi(twoHundredInches, 300);
        assertThat(lowered).isLessThan(300f).isPositive();
        assertThat(Math.pow(200 * lowered, 2)).isLessThanOrEqualTo(50_000_000);
    }

    @Test
    void theFailureMessageNamesTheLimitButNoContent() {
        byte[] pdf = HostileFiles.textPdf(settings.maxPages() + 1);

        DocumentFailure failure =
                Assertions.assertThrows(DocumentFailure.class, () -> reader.textLayers(pdf, MediaType.PDF));

        assertThat(failure.getMessage())
                .contains(Integer.toString(settings.maxPages()))
                .doesNotContain("polisnummer");
    }

    private static void quickly(Executable check) {
        assertTimeoutPreemptively(QUICKLY, check);
    }
}
