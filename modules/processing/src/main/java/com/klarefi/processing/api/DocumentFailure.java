package com.klarefi.processing.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a document could not be fetched or read. {@link #code()} is the stable wire name the job
 * records; {@link #isTransient()} says whether trying again later may succeed (a 503, a timeout, a
 * reset connection) or not (a 404, an encrypted PDF). The message names the rule or cause and never
 * contains document content.
 */
public final class DocumentFailure extends RuntimeException {
    private final Code code;
    private final boolean transientFailure;
    private final Integer httpStatus;

    public DocumentFailure(Code code, String message) {
        this(code, message, false, null, null);
    }

    public DocumentFailure(Code code, String message, boolean transientFailure, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.transientFailure = transientFailure;
        this.httpStatus = httpStatus;
    }

    public Code code() {
        return code;
    }

    /** The wire name of {@link #code()}, e.g. {@code fetch_failed}. */
    public String codeName() {
        return code.wireName();
    }

    /** True when the same request may succeed later; the job should retry only these. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The HTTP status the document's server answered with, for {@link Code#FETCH_FAILED}. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The failure codes, with the names the API and webhooks use. */
    public enum Code {
        /** The URL is not an absolute http(s) URL. */
        INVALID_DOCUMENT_URL("invalid_document_url"),
        /** The host resolves to an address the fetch policy refuses (loopback, private, ...). */
        URL_NOT_ALLOWED("url_not_allowed"),
        /** The server could not be reached or did not answer 2xx. */
        FETCH_FAILED("fetch_failed"),
        /** The document exceeds the configured size limit. */
        TOO_LARGE("too_large"),
        /** The PDF needs a password to open. */
        DOCUMENT_ENCRYPTED("document_encrypted"),
        /** The document is empty or corrupt. */
        DOCUMENT_UNREADABLE("document_unreadable"),
        /** The content is not a format Klarefi reads (HTML, archives, office files, ...). */
        UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
        /** Text recognition is needed but Tesseract (or its languages) is not installed. */
        OCR_UNAVAILABLE("ocr_unavailable"),
        /** Tesseract ran but crashed or exceeded the per-page time limit. */
        OCR_FAILED("ocr_failed"),
        /** Reading or extracting the document took longer than its stage's time budget. */
        PROCESSING_TIMEOUT("processing_timeout");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
