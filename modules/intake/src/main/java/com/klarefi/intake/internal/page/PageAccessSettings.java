package com.klarefi.intake.internal.page;

import com.klarefi.intake.internal.sessions.SessionTokens;
import com.klarefi.processing.api.Documents;

/**
 * What the pages need besides sessions: the token check, the key that signs the forms' CSRF
 * values, cookie security and the upload limit.
 */
public record PageAccessSettings(
        SessionTokens tokens, byte[] csrfKey, boolean secureCookies, Documents documents, long maxDocumentBytes) {
    /** The purpose the CSRF key is derived for from the installation's secret. */
    public static final String CSRF_KEY_PURPOSE = "intake-page-csrf";
}
