package com.klarefi.intake.internal;

import com.klarefi.auth.api.OrganisationProfiles;
import com.klarefi.cases.api.Cases;
import com.klarefi.intake.internal.http.SessionsHttpService;
import com.klarefi.intake.internal.page.IntakePages;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Documents;

/** The intake module as the composition root holds it: the sessions API and the applicant's pages. */
public final class IntakeFacade implements KlarefiModule {
    private final SessionsHttpService api;
    private final IntakePages pages;

    IntakeFacade(SessionsHttpService api, IntakePages pages) {
        this.api = api;
        this.pages = pages;
    }

    public static KlarefiModule create(
            Platform platform, Cases cases, Documents documents, OrganisationProfiles profiles) {
        return IntakeWiring.assemble(platform, cases, documents, profiles);
    }

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        api.routes(routes);
    }

    @Override
    public void pageRoutes(ApiRoutes routes) {
        pages.routes(routes);
    }
}
