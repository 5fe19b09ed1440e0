package com.klarefi.processing.internal.fetch;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a response body up to a size limit, counting what actually arrives: a server may send no
 * Content-Length or a false one. Also stops a server that trickles bytes to hold a worker.
 */
final class BoundedBody {
    private BoundedBody() {}

    static byte[] read(InputStream in, long maxBytes, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DocumentFailure(Code.FETCH_FAILED, "the download took longer than allowed", true, null, null);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    static DocumentFailure tooLarge(long maxBytes) {
        return new DocumentFailure(Code.TOO_LARGE, "the document is larger than the limit of " + maxBytes + " bytes");
    }

    static long deadline(Duration total) {
        return System.nanoTime() + total.toNanos();
    }
}
