package com.klarefi.intake.internal.page;

import com.klarefi.intake.internal.sessions.SessionTokens;
import com.klarefi.processing.api.Documents;

/** What the pages need besides sessions: the token check, cookie security and the upload limit. */
public record PageAccessSettings(SessionTokens tokens, boolean secureCookies, Documents documents, long maxDocumentBytes) {
}
