package com.klarefi.processing.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.internal.ProcessingWiring;

/** Builds the processing module: documents: fetching, storing, text layers and the processing job. */
public final class ProcessingModule {
    public static final String NAME = "processing";

    private ProcessingModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new ProcessingWiring();
    }
}
