package com.klarefi.intake.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.intake.internal.IntakeWiring;

/** Builds the intake module: hosted intake sessions and the applicant's page. */
public final class IntakeModule {
    public static final String NAME = "intake";

    private IntakeModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new IntakeWiring();
    }
}
