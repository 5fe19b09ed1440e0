package com.klarefi.processing.internal.fetch;

import com.klarefi.processing.api.DocumentFailure;

/**
 * Downloads a document from a caller-supplied URL without letting the caller reach the
 * installation's own network: only http(s), every redirect hop re-checked, the host resolved once
 * and the checked address connected to, the size bounded while streaming. Thread-safe.
 */
public interface DocumentFetcher {
    /**
     * Fetches {@code url}.
     *
     * @throws DocumentFailure with {@code invalid_document_url}, {@code url_not_allowed},
     *                         {@code fetch_failed} or {@code too_large}
     */
    FetchedDocument fetch(String url);

    /** A fetcher resolving host names with the system resolver. */
    static DocumentFetcher create(FetchSettings settings) {
        return Fetchers.create(settings);
    }
}
