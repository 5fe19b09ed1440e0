package com.klarefi.platform.web;

import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads a request body up to a limit; empty when it is larger (the rest is left unread). */
public final class BoundedBody {
    private BoundedBody() {}

    public static Optional<byte[]> read(ServerRequest request, long maxBytes) {
        if (request.headers().contentLength().orElse(0L) > maxBytes) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.content().inputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > maxBytes) {
                    return Optional.empty();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }
}
