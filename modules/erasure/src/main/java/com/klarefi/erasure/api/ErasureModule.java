package com.klarefi.erasure.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.erasure.internal.ErasureWiring;

/** Builds the erasure module: gDPR erasure of a document and everything derived from it, with an audit receipt. */
public final class ErasureModule {
    public static final String NAME = "erasure";

    private ErasureModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new ErasureWiring();
    }
}
