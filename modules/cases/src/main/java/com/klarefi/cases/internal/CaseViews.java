package com.klarefi.cases.internal;

import com.klarefi.cases.api.CaseDocument;
import com.klarefi.cases.api.CaseDocuments.LockedCase;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.CaseRow;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Environment;
import java.util.List;
import java.util.Optional;

/** Cases as other modules read them: rows turned into the api's records, and the case locks. */
final class CaseViews {
    private final CaseRepository repository;
    private final FeatureRepository features;

    CaseViews(CaseRepository repository, FeatureRepository features) {
        this.repository = repository;
        this.features = features;
    }

    LockedCase lockCase(Tx tx, String caseId) {
        return locked(
                repository.lockCase(tx, caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId)));
    }

    LockedCase lockCaseOfDocument(Tx tx, String docId) {
        return locked(repository
                .lockCaseOfDocument(tx, docId)
                .orElseThrow(() -> new IllegalStateException("document " + docId + " belongs to no case")));
    }

    static LockedCase locked(CaseRow row) {
        return new LockedCase(row.id(), row.caseTypeId());
    }

    List<DocumentOutcome> documents(String caseId) {
        return repository.documents(caseId).stream()
                .map(row -> new DocumentOutcome(
                        row.docId(),
                        row.status(),
                        row.failureCode(),
                        row.failureMessage(),
                        row.mediaType(),
                        row.pageCount()))
                .toList();
    }

    List<CaseSummary> search(CaseSearch search, int limit) {
        return repository.search(search, limit).stream()
                .map(found -> summary(found.row(), found.failedDocuments()))
                .toList();
    }

    Optional<CaseView> view(String caseId) {
        return repository.find(caseId).map(row -> {
            List<CaseDocument> documents = repository.documents(caseId).stream()
                    .map(document -> new CaseDocument(
                            document.docId(),
                            document.status(),
                            document.failureCode(),
                            document.failureMessage(),
                            document.mediaType(),
                            document.pageCount()))
                    .toList();
            int failed = (int) documents.stream()
                    .filter(document -> document.status().equals("failed"))
                    .count();
            return new CaseView(summary(row, failed), documents, features.read(caseId));
        });
    }

    private static CaseSummary summary(CaseRow row, int failedDocuments) {
        return new CaseSummary(
                row.id(),
                row.orgId(),
                Environment.fromWire(row.environment()).orElseThrow(),
                row.caseTypeId(),
                row.externalCaseId(),
                row.status(),
                row.createdAt(),
                row.updatedAt(),
                failedDocuments);
    }
}
