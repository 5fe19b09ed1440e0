package com.klarefi.intake.internal.page;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The page's stylesheet and script, read once from the artifact; they hold no applicant data, so they may be cached. */
final class StaticAssets {
    private StaticAssets() {}

    static Handler handler(String resource, String contentType) {
        byte[] content = read(resource);
        return (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, contentType);
            response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
            response.header("X-Content-Type-Options", "nosniff");
            response.send(content);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
