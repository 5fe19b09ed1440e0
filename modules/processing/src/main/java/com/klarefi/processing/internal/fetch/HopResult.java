package com.klarefi.processing.internal.fetch;

import java.util.Optional;

/** What one request of a fetch produced: a redirect to follow or a final, 2xx body. */
sealed interface HopResult {
    record Redirect(String location) implements HopResult {}

    record Body(byte[] content, int status, Optional<String> contentType) implements HopResult {}
}
