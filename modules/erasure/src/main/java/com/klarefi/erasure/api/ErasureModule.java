package com.klarefi.erasure.api;

import com.klarefi.cases.api.CaseErasure;
import com.klarefi.erasure.internal.ErasureFacade;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;

/** Builds the erasure module: GDPR erasure of a document and everything derived from it, with an audit receipt. */
public final class ErasureModule {
    public static final String NAME = "erasure";

    private ErasureModule() {}

    public static Erasure create(Platform platform, CaseErasure cases, Processing processing) {
        platform.database().migrate(NAME);
        return ErasureFacade.create(platform, cases, processing);
    }
}
