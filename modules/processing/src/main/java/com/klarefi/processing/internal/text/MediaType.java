package com.klarefi.processing.internal.text;

/** A document's format as recognised from its content (magic bytes), never from its name. */
public enum MediaType {
    PDF("application/pdf", true),
    PNG("image/png", true),
    JPEG("image/jpeg", true),
    TIFF("image/tiff", true),
    PLAIN_TEXT("text/plain", true),
    /** An e-mail message (.eml, RFC 5322). */
    EMAIL("message/rfc822", true),
    /** Recognised so it can be named in the failure, but not read. */
    HTML("text/html", false),
    /** Anything else: binary formats, archives, empty content. */
    UNKNOWN("application/octet-stream", false);

    private final String mimeType;
    private final boolean supported;

    MediaType(String mimeType, boolean supported) {
        this.mimeType = mimeType;
        this.supported = supported;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Whether {@link DocumentReader#textLayers} can read documents of this type. */
    public boolean supported() {
        return supported;
    }
}
