package com.klarefi.processing.internal.text;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page as people see it, for an operator checking evidence: a PDF page rendered by PDFBox, a
 * scan's own image, both at most {@code maxWidth} pixels wide, as PNG. Text and e-mail have no
 * image; their page text is what they look like.
 */
final class PageImages {
    private static final float POINTS_PER_INCH = 72f;
    private static final float MAX_DPI = 150f;

    private final DocumentLimits limits;

    PageImages(DocumentLimits limits) {
        this.limits = limits;
    }

    Optional<byte[]> png(byte[] content, MediaType type, int index, int maxWidth) {
        return switch (type) {
            case PDF -> Optional.of(encode(pdfPage(content, index, maxWidth)));
            case PNG, JPEG, TIFF ->
                index < Images.pageCount(content, limits)
                        ? Optional.of(encode(scaled(Images.page(content, index, limits), maxWidth)))
                        : Optional.empty();
            case PLAIN_TEXT, EMAIL, HTML, UNKNOWN -> Optional.empty();
        };
    }

    private BufferedImage pdfPage(byte[] content, int index, int maxWidth) {
        try (PDDocument document = PdfDocuments.open(content)) {
            float[] size = PdfDocuments.size(document.getPage(index));
            float dpi = Math.min(
                    Math.min(MAX_DPI, maxWidth * POINTS_PER_INCH / Math.max(1f, size[0])),
                    limits.renderDpi(size, (int) MAX_DPI));
            return new PDFRenderer(document).renderImageWithDPI(index, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a page of a PDF", e);
        }
    }

    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        if (image.getWidth() <= maxWidth) {
            return image;
        }
        int height = Math.max(1, Math.round((float) image.getHeight() * maxWidth / image.getWidth()));
        BufferedImage scaled = new BufferedImage(maxWidth, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, maxWidth, height, null);
        graphics.dispose();
        return scaled;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a page image", e);
        }
        return out.toByteArray();
    }
}
