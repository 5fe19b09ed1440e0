package com.klarefi.app.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs for API tests whose pages show one line of text. */
final class TextPdfs {
    private TextPdfs() {}

    /** {@code pages} pages sharing one content stream that shows {@code line}: small files of any length. */
    static byte[] pagesShowing(String line, int pages) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage first = new PDPage();
            document.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            for (int index = 1; index < pages; index++) {
                PDPage page = new PDPage();
                page.setResources(first.getResources());
                page.getCOSObject()
                        .setItem(COSName.CONTENTS, first.getCOSObject().getDictionaryObject(COSName.CONTENTS));
                document.addPage(page);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
