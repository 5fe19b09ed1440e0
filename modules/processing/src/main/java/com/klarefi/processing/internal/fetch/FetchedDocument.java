package com.klarefi.processing.internal.fetch;

import com.klarefi.processing.internal.text.DocumentReader;
import java.net.URI;
import java.util.Optional;

/**
 * A document downloaded from its URL: the bytes, the URL it was finally served from (after
 * redirects), the HTTP status and the content type the server declared. The declared type is only
 * informative; {@link DocumentReader#detect(byte[])} decides the media type from the content.
 */
public record FetchedDocument(byte[] content, URI finalUrl, int status, Optional<String> declaredContentType) {}
