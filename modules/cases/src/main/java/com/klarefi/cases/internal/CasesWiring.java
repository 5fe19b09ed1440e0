package com.klarefi.cases.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.cases.internal.http.CasesHttpService;
import com.klarefi.platform.module.Platform;

/** Builds the cases module's parts from the platform; {@link CasesFacade} is what others hold. */
final class CasesWiring {
    private CasesWiring() {}

    static Cases assemble(Platform platform) {
        CaseRepository repository = new CaseRepository(platform.database().jdbi());
        FeatureRepository features = new FeatureRepository(platform.database().jdbi());
        return new CasesFacade(
                new CaseService(repository, platform.clock()),
                new FeatureService(features),
                new CaseViews(repository, features),
                repository,
                features,
                new CasesHttpService(repository, features));
    }
}
