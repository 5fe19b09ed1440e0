package com.klarefi.intake.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The intake module as the composition root sees it. */
public final class IntakeWiring implements KlarefiModule {
    @Override
    public String name() {
        return "intake";
    }
}
