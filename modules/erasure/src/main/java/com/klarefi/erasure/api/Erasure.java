package com.klarefi.erasure.api;

import com.klarefi.platform.module.KlarefiModule;
import java.util.List;
import java.util.Optional;

/** The erasure module as the composition root sees it, with the audit log for operators. */
public interface Erasure extends KlarefiModule {
    /** Audit records, newest first, of one organisation or of all. */
    List<ErasureRecord> auditLog(Optional<String> orgId, int limit);

    /** The audit records of the documents erased from a case, oldest first. */
    List<ErasureRecord> ofCase(String caseId);
}
