package com.klarefi.processing.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The processing module as the composition root sees it. */
public final class ProcessingWiring implements KlarefiModule {
    @Override
    public String name() {
        return "processing";
    }
}
