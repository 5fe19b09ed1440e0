package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens PDFs, turning PDFBox's exceptions into the failures the job records. */
final class PdfDocuments {
    private static final int EOF_WINDOW = 1024;

    private PdfDocuments() {}

    static PDDocument open(byte[] content) {
        if (!endsWithEofMarker(content)) {
            // PDFBox rebuilds a cut-off file from the objects it finds and may return some of its
            // pages as if they were all; a partial document must not pass for a whole one.
            throw unreadable("the PDF is truncated: it has no end-of-file marker", null);
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(content);
        } catch (InvalidPasswordException e) {
            throw new DocumentFailure(Code.DOCUMENT_ENCRYPTED, "the PDF is protected by a password");
        } catch (IOException | RuntimeException e) {
            throw unreadable("the PDF is corrupt and cannot be opened", e);
        }
        if (document.getNumberOfPages() == 0) {
            closeQuietly(document);
            throw unreadable("the PDF has no pages", null);
        }
        return document;
    }

    /** Like Acrobat, expects {@code %%EOF} within the last 1024 bytes; writers may append a little after it. */
    private static boolean endsWithEofMarker(byte[] content) {
        int from = Math.max(0, content.length - EOF_WINDOW);
        String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    static int pageCount(byte[] content, DocumentLimits limits) {
        try (PDDocument document = open(content)) {
            return limits.checkPages(document.getNumberOfPages());
        } catch (IOException e) {
            throw unreadable("the PDF is corrupt and cannot be read", e);
        }
    }

    /** The visible page size in points, as the page is displayed (rotation applied). */
    static float[] size(PDPage page) {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        return turned ? new float[] {box.getHeight(), box.getWidth()} : new float[] {box.getWidth(), box.getHeight()};
    }

    static DocumentFailure unreadable(String message, Throwable cause) {
        return new DocumentFailure(Code.DOCUMENT_UNREADABLE, message, false, null, cause);
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // Nothing was written; a failing close leaves nothing to recover.
        }
    }
}
