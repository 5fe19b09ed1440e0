package com.klarefi.processing.internal.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs written for tests: born-digital lines of text, optionally password-protected. */
final class Pdfs {
    static final float LEFT = 72;
    static final float FIRST_BASELINE_FROM_BOTTOM = 700;
    static final float FONT_SIZE = 12;

    private Pdfs() {}

    /** An A4 page per entry; each entry's lines are written 20 points apart. */
    static byte[] withPages(String[]... pages) {
        return write(null, pages);
    }

    static byte[] protectedBy(String userPassword, boolean mayExtract, String... lines) {
        AccessPermission permission = new AccessPermission();
        permission.setCanExtractContent(mayExtract);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
        policy.setEncryptionKeyLength(256);
        return write(policy, new String[][] {lines});
    }

    private static byte[] write(StandardProtectionPolicy protection, String[][] pages) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String[] lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.newLineAtOffset(LEFT, FIRST_BASELINE_FROM_BOTTOM);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -20);
                    }
                    content.endText();
                }
            }
            if (protection != null) {
                document.protect(protection);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
