package com.klarefi.erasure.internal;

import com.klarefi.cases.api.CaseErasure;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.erasure.internal.db.AuditRepository;
import com.klarefi.erasure.internal.db.Receipt;
import com.klarefi.erasure.internal.db.SpaceReclaimer;
import com.klarefi.erasure.internal.http.ErasureHttpService;
import com.klarefi.erasure.internal.jobs.ReclaimErasedSpace;
import com.klarefi.erasure.internal.jobs.ReclaimErasedSpaceHandler;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;

/** Builds the erasure module's parts from the platform; {@link ErasureFacade} is what others hold. */
final class ErasureWiring {
    private static final System.Logger LOG = System.getLogger(ErasureWiring.class.getName());

    private ErasureWiring() {}

    static Erasure assemble(Platform platform, CaseErasure cases, Processing processing) {
        AuditRepository audits = new AuditRepository(platform.database().jdbi());
        Eraser eraser =
                new Eraser(platform.database(), cases, processing, platform.erasure(), audits, platform.clock());
        platform.erasure().registerErasedDocuments(eraser.erasedDocuments());
        platform.jobs()
                .register(
                        ReclaimErasedSpaceHandler.class,
                        new ReclaimErasedSpaceHandler(
                                new SpaceReclaimer(platform.database().jdbi())));
        return new ErasureFacade(
                new ErasureHttpService(
                        (request, response) -> {
                            Receipt receipt = eraser.erase(
                                    Caller.of(request),
                                    request.path().pathParameters().get("docId"));
                            reclaimSpaceSoon(platform, receipt);
                            ErasureHttpService.send(response, receipt);
                        },
                        (request, response) -> {
                            String auditId = request.path().pathParameters().get("auditId");
                            ErasureHttpService.send(
                                    response,
                                    audits.byAuditId(Caller.of(request), auditId)
                                            .orElseThrow(() -> ApiException.notFound(
                                                    "erasure_not_found",
                                                    "No erasure receipt " + auditId + " for this API key.")));
                        }),
                audits);
    }

    /**
     * After the erasure committed: a vacuum at the end of the current window. Losing this request
     * (a crash right now) leaves the space to autovacuum, which is what happened before it existed.
     */
    private static void reclaimSpaceSoon(Platform platform, Receipt receipt) {
        ReclaimErasedSpace job = ReclaimErasedSpace.after(receipt.erasedAt());
        try {
            platform.jobs().scheduler().schedule(job.jobId(), job.runAt(), job);
        } catch (RuntimeException e) {
            // Another erasure of the window scheduled it first.
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "vacuum of window " + job.window() + " already scheduled ("
                            + e.getClass().getSimpleName() + ")");
        }
    }
}
