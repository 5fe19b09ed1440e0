package com.klarefi.processing.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Looks at a PDF before its pages are interpreted: every image's size from its dictionary (nothing
 * is decoded) and the decoded size of every content stream, read with a budget so a stream that
 * inflates to gigabytes is stopped at the content budget.
 */
final class PdfInspection {
    /** Forms inside forms deeper than this are not a layout anyone produces. */
    private static final int MAX_FORM_DEPTH = 20;

    private final DocumentLimits limits;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final byte[] buffer = new byte[64 * 1024];
    private long contentBytes;

    private PdfInspection(DocumentLimits limits) {
        this.limits = limits;
    }

    static void check(PDDocument document, DocumentLimits limits) throws IOException {
        PdfInspection inspection = new PdfInspection(limits);
        for (PDPage page : document.getPages()) {
            Iterator<PDStream> streams = page.getContentStreams();
            while (streams.hasNext()) {
                inspection.read(streams.next());
            }
            inspection.resources(page.getResources(), 0);
        }
    }

    private void resources(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = xObject(resources, name);
            if (object instanceof PDImageXObject image) {
                limits.checkImage(image.getWidth(), image.getHeight());
            } else if (object instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                read(form.getContentStream());
                resources(form.getResources(), depth + 1);
            }
        }
    }

    /** A broken object is the text stripper's to tolerate or refuse; only sizes are judged here. */
    private static PDXObject xObject(PDResources resources, COSName name) {
        try {
            return resources.getXObject(name);
        } catch (IOException e) {
            return null;
        }
    }

    private void read(PDStream stream) {
        try (InputStream decoded = stream.createInputStream()) {
            for (int read = decoded.read(buffer); read >= 0; read = decoded.read(buffer)) {
                contentBytes += read;
                limits.checkContentBytes(contentBytes);
            }
        } catch (IOException e) {
            // A corrupt stream counts with what it decoded so far; the stripper decides its fate.
        }
    }
}
