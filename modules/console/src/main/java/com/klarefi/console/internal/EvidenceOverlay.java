package com.klarefi.console.internal;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.extraction.api.Word;
import com.klarefi.processing.api.PageText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The page image with the evidence's words outlined: an SVG laid over the image in the page's own
 * units (its view box is the page's width and height), so the boxes stay on their words at any
 * size the image is shown, on a desktop or a phone. The boxes are the stored boxes of the words
 * whose characters the evidence quotes.
 */
final class EvidenceOverlay {
    private EvidenceOverlay() {}

    static String figure(String imagePath, PageText page, Optional<CaseFeature.Evidence> evidence, int pageIndex) {
        List<Word> words = evidence.map(found -> quoted(page.words(), found.charStart(), found.charEnd()))
                .orElse(List.of());
        StringBuilder boxes = new StringBuilder();
        for (Word word : words) {
            boxes.append("<rect class=\"evidence-box\" x=\"")
                    .append(number(word.x0()))
                    .append("\" y=\"")
                    .append(number(word.y0()))
                    .append("\" width=\"")
                    .append(number(word.x1() - word.x0()))
                    .append("\" height=\"")
                    .append(number(word.y1() - word.y0()))
                    .append("\"/>");
        }
        String caption = words.isEmpty()
                ? "Page " + (pageIndex + 1) + "."
                : "Page " + (pageIndex + 1) + ", the evidence outlined (" + words.size()
                        + (words.size() == 1 ? " word" : " words") + ").";
        return "<figure class=\"page-image\"><div class=\"page-frame\"><img src=\"" + Html.text(imagePath)
                + "\" alt=\"Image of page "
                + (pageIndex + 1) + "\"><svg viewBox=\"0 0 " + number(page.width()) + " " + number(page.height())
                + "\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">" + boxes + "</svg></div>"
                + "<figcaption>" + Html.text(caption) + "</figcaption></figure>";
    }

    /** The words that share a character with {@code [start, end)}. */
    static List<Word> quoted(List<Word> words, int start, int end) {
        return words.stream()
                .filter(word -> word.charStart() < end && word.charEnd() > start)
                .toList();
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
