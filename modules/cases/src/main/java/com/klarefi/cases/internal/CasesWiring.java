package com.klarefi.cases.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The cases module as the composition root sees it. */
public final class CasesWiring implements KlarefiModule {
    @Override
    public String name() {
        return "cases";
    }
}
