package com.klarefi.processing.internal.text;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Hostile documents made in the test, small on disk and enormous once decoded or interpreted:
 * PDF bombs, decompression bombs, corrupt images, a PDF with ten thousand pages.
 */
final class HostileFiles {
    private HostileFiles() {}

    /** {@code pages} pages that all show the same line of text (one shared content stream). */
    static byte[] textPdf(int pages) {
        return pdf(document -> {
            PDPage first = textPage(document, "Pagina met gewone tekst en een polisnummer AUT-2022-8977589");
            for (int index = 1; index < pages; index++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setResources(first.getResources());
                page.getCOSObject()
                        .setItem(COSName.CONTENTS, first.getCOSObject().getDictionaryObject(COSName.CONTENTS));
                document.addPage(page);
            }
        });
    }

    /** One page whose content stream is {@code megabytes} of spaces, deflated to about a thousandth. */
    static byte[] contentBomb(int megabytes) {
        return pdf(document -> {
            PDPage page = textPage(document, "Een pagina met tekst voor de bom");
            PDStream text = page.getContentStreams().next();
            page.setContents(List.of(text, new PDStream(deflated(document, megabytes * (1L << 20)))));
        });
    }

    /** A page drawing an image of {@code width} x {@code height} grey pixels of one shade, deflated. */
    static byte[] giantImagePdf(int width, int height) {
        return pdf(document -> {
            COSStream pixels = deflated(document, (long) width * height);
            pixels.setItem(COSName.TYPE, COSName.XOBJECT);
            pixels.setItem(COSName.SUBTYPE, COSName.IMAGE);
            pixels.setInt(COSName.WIDTH, width);
            pixels.setInt(COSName.HEIGHT, height);
            pixels.setInt(COSName.BITS_PER_COMPONENT, 8);
            pixels.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(new PDImageXObject(new PDStream(pixels), null), 0, 0, 500, 800);
            }
        });
    }

    /** An inline image (BI ... ID ... EI) that claims {@code side} x {@code side} pixels. */
    static byte[] inlineImageBomb(int side) {
        return pdf(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            String operators = "q 500 0 0 800 0 0 cm BI /W " + side + " /H " + side + " /BPC 8 /CS /G ID \0\0\0\0 EI Q";
            COSStream content = document.getDocument().createCOSStream();
            try (var out = content.createOutputStream()) {
                out.write(operators.getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(new PDStream(content));
        });
    }

    /**
     * The "billion laughs" of PDF: {@code levels} forms, each drawing the next one ten times, so the
     * page draws 10^levels copies of a line of text.
     */
    static byte[] formBomb(int levels) {
        return pdf(document -> {
            PDFormXObject inner = form(document, "BT /F1 12 Tf 72 700 Td (lach) Tj ET", null);
            for (int level = 1; level < levels; level++) {
                inner = form(document, "/X0 Do ".repeat(10), inner);
            }
            PDPage page = textPage(document, "Een pagina die een formulier tekent");
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, false)) {
                content.drawForm(inner);
            }
        });
    }

    /** A PDF whose catalog holds arrays nested {@code depth} deep. */
    static byte[] deeplyNestedPdf(int depth) {
        String nesting = "[".repeat(depth) + "]".repeat(depth);
        String content = nesting + " BT /F1 12 Tf (diep) Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Deep " + nesting + " >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A small valid PNG whose header is rewritten to claim {@code width} x {@code height} pixels. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = image("png", new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
        // Signature (8), chunk length (4), "IHDR" (4), then width and height; the CRC follows 13 bytes of data.
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    static byte[] truncatedPng() {
        byte[] png = image("png", new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY));
        return Arrays.copyOf(png, 30);
    }

    static byte[] jpegWithGarbage() {
        byte[] jpeg = image("jpeg", new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY));
        byte[] broken = Arrays.copyOf(jpeg, jpeg.length);
        Arrays.fill(broken, 4, broken.length, (byte) 0x5A);
        return broken;
    }

    static byte[] tiffWithPages(int pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int page = 0; page < pages; page++) {
                writer.writeToSequence(
                        new IIOImage(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] image(String format, BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PDPage textPage(PDDocument document, String line) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(line);
            content.endText();
        }
        return page;
    }

    private static PDFormXObject form(PDDocument document, String operators, PDFormXObject drawn) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(PDRectangle.A4);
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        if (drawn != null) {
            resources.put(COSName.getPDFName("X0"), drawn);
        }
        form.setResources(resources);
        try (var out = form.getContentStream().createOutputStream()) {
            out.write(operators.getBytes(StandardCharsets.ISO_8859_1));
        }
        return form;
    }

    private static COSStream deflated(PDDocument document, long bytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) ' ');
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_SPEED))) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                deflate.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        COSStream stream = document.getDocument().createCOSStream();
        try (var out = stream.createRawOutputStream()) {
            out.write(compressed.toByteArray());
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return stream;
    }

    private static byte[] pdf(PdfContent content) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.addTo(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface PdfContent {
        void addTo(PDDocument document) throws IOException;
    }
}
