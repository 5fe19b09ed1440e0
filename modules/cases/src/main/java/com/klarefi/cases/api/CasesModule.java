package com.klarefi.cases.api;

import com.klarefi.cases.internal.CasesFacade;
import com.klarefi.platform.module.Platform;

/** Builds the cases module: cases, their features, candidates, evidence, decisions and event log. */
public final class CasesModule {
    public static final String NAME = "cases";

    private CasesModule() {}

    public static Cases create(Platform platform) {
        platform.database().migrate(NAME);
        return CasesFacade.create(platform);
    }
}
