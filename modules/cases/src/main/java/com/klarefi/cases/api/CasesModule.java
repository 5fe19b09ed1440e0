package com.klarefi.cases.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.cases.internal.CasesWiring;

/** Builds the cases module: cases, their features, candidates, evidence, decisions and event log. */
public final class CasesModule {
    public static final String NAME = "cases";

    private CasesModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new CasesWiring();
    }
}
