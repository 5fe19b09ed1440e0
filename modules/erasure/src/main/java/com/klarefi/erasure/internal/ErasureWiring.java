package com.klarefi.erasure.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The erasure module as the composition root sees it. */
public final class ErasureWiring implements KlarefiModule {
    @Override
    public String name() {
        return "erasure";
    }
}
