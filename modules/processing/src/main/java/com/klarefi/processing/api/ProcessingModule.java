package com.klarefi.processing.api;

import com.klarefi.cases.api.Cases;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.internal.ProcessingFacade;

/**
 * Builds the processing module: {@code POST /process}, the documents it accepts, their fetching,
 * text layers and the JobRunr job that turns them into page text and features.
 */
public final class ProcessingModule {
    public static final String NAME = "processing";

    private ProcessingModule() {}

    public static Processing create(Platform platform, Cases cases) {
        platform.database().migrate(NAME);
        return ProcessingFacade.create(platform, cases);
    }
}
