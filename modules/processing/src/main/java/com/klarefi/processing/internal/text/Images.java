package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads image headers and TIFF pages with the JDK's image readers. */
final class Images {
    private Images() {}

    /**
     * The number of images (pages), each sized from its header before anything is decoded; reading
     * the headers also proves the image is not truncated junk.
     */
    static int pageCount(byte[] content, DocumentLimits limits) {
        return pageSizes(content, limits).size();
    }

    /** Each image's width and height in pixels, read from the headers (see {@link #pageCount}). */
    static List<Dimension> pageSizes(byte[] content, DocumentLimits limits) {
        return withReader(content, reader -> {
            int count = limits.checkPages(reader.getNumImages(true));
            List<Dimension> sizes = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                limits.checkImage(reader.getWidth(index), reader.getHeight(index));
                sizes.add(new Dimension(reader.getWidth(index), reader.getHeight(index)));
            }
            return sizes;
        });
    }

    static BufferedImage page(byte[] content, int index, DocumentLimits limits) {
        return withReader(content, reader -> {
            limits.checkImage(reader.getWidth(index), reader.getHeight(index));
            return reader.read(index);
        });
    }

    /**
     * The image decoded at most {@code maxPixels} large: every n-th pixel of every n-th row, for the
     * smallest n that fits. A 35-megapixel receipt scan is 100 MiB decoded in full; the line recogniser
     * reads its lines scaled to 48 pixels high anyway.
     */
    static BufferedImage reduced(byte[] content, int index, DocumentLimits limits, long maxPixels) {
        return withReader(content, reader -> {
            int width = reader.getWidth(index);
            int height = reader.getHeight(index);
            limits.checkImage(width, height);
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / maxPixels)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(index, param);
        });
    }

    private static <T> T withReader(byte[] content, ReaderAction<T> action) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw unreadable(null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                return action.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentFailure failure) {
                throw failure;
            }
            throw unreadable(e);
        }
    }

    private static DocumentFailure unreadable(Throwable cause) {
        return new DocumentFailure(Code.DOCUMENT_UNREADABLE, "the image is corrupt or truncated", false, null, cause);
    }

    @FunctionalInterface
    private interface ReaderAction<T> {
        T apply(ImageReader reader) throws IOException;
    }
}
