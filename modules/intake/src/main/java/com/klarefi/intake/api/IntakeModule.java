package com.klarefi.intake.api;

import com.klarefi.auth.api.OrganisationProfiles;
import com.klarefi.cases.api.Cases;
import com.klarefi.intake.internal.IntakeFacade;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Documents;

/**
 * Builds the intake module: hosted intake sessions ({@code POST /api/v1/sessions}) and the
 * applicant's page ({@code /s/{session_id}}), whose uploads become documents of the session's case
 * and whose corrections join the case's features as applicant statements.
 */
public final class IntakeModule {
    public static final String NAME = "intake";

    private IntakeModule() {}

    /** {@code profiles}: the organisation's name, logo, privacy note and help contact that its applicants see. */
    public static KlarefiModule create(
            Platform platform, Cases cases, Documents documents, OrganisationProfiles profiles) {
        platform.database().migrate(NAME);
        return IntakeFacade.create(platform, cases, documents, profiles);
    }
}
