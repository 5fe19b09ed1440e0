package com.klarefi.intake.internal;

import com.klarefi.auth.api.OrganisationProfiles;
import com.klarefi.cases.api.Cases;
import com.klarefi.intake.internal.db.SessionRepository;
import com.klarefi.intake.internal.db.StatementRepository;
import com.klarefi.intake.internal.http.SessionsHttpService;
import com.klarefi.intake.internal.jobs.ExpireSessions;
import com.klarefi.intake.internal.jobs.ExpireSessionsHandler;
import com.klarefi.intake.internal.page.IntakePages;
import com.klarefi.intake.internal.page.PageAccessSettings;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.SessionTokens;
import com.klarefi.intake.internal.sessions.Sessions;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Documents;
import java.time.Duration;

/** Builds the intake module's parts from the platform; {@link IntakeFacade} is what the composition root holds. */
final class IntakeWiring {
    private static final String MAX_TTL_HOURS = "KLAREFI_SESSION_MAX_TTL_HOURS";
    private static final Duration EXPIRY_CHECK = Duration.ofMinutes(1);

    private IntakeWiring() {}

    static KlarefiModule assemble(Platform platform, Cases cases, Documents documents, OrganisationProfiles profiles) {
        SessionRepository repository = new SessionRepository(platform.database().jdbi());
        StatementRepository statements =
                new StatementRepository(platform.database().jdbi());
        SessionTokens tokens = new SessionTokens(platform.secrets().derive(SessionTokens.KEY_PURPOSE));
        Sessions sessions = new Sessions(
                repository,
                statements,
                cases,
                documents,
                platform.database(),
                tokens,
                platform.publicBaseUrl(),
                platform.clock());
        cases.addStatementSource(statements::ofCase);
        // Erasure: the upload record (its file name may name the applicant) goes with the document.
        platform.erasure().register((tx, target) -> repository.forgetUpload(tx, target.docId()));
        platform.jobs().register(ExpireSessionsHandler.class, new ExpireSessionsHandler(sessions));
        platform.jobs().recurring(ExpireSessions.RECURRING_ID, EXPIRY_CHECK, new ExpireSessions());
        int maxTtlHours = platform.settings().integer(MAX_TTL_HOURS);
        SessionsHttpService api = new SessionsHttpService(
                platform.jsonBodies(), platform.idempotency(), sessions, documents::caseType, maxTtlHours);
        boolean https = "https".equalsIgnoreCase(platform.publicBaseUrl().getScheme());
        IntakePages pages = new IntakePages(
                sessions,
                new Corrections(statements, cases, documents),
                cases,
                new PageAccessSettings(
                        tokens,
                        platform.secrets().derive(PageAccessSettings.CSRF_KEY_PURPOSE),
                        https,
                        documents,
                        documents.maxDocumentBytes()),
                profiles);
        return new IntakeFacade(api, pages);
    }
}
