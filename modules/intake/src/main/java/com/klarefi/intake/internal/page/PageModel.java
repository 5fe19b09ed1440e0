package com.klarefi.intake.internal.page;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the applicant's page shows at one moment. */
record PageModel(Session session, String token, String csrf, CaseType caseType, List<UploadedDocument> documents,
                 List<Corrections.FeatureValue> values, Map<String, String> typed, List<String> unreadable,
                 Optional<String> notice, long maxMegabytes) {

    /** A document of the session with its processing status. */
    record UploadedDocument(String docId, String filename, String status, Optional<String> failureCode) {
        boolean finished() {
            return status.equals("processed") || status.equals("failed");
        }
    }

    boolean reading() {
        return documents.stream().anyMatch(document -> !document.finished());
    }

    boolean anyRead() {
        return documents.stream().anyMatch(document -> document.status().equals("processed"));
    }

    /** Values are worth showing once a document was read, or when the applicant already typed some. */
    boolean showsValues() {
        return anyRead() || !unreadable.isEmpty()
                || values.stream().anyMatch(value -> value.source() == Corrections.Source.APPLICANT);
    }

    String path(String suffix) {
        return "/s/" + session.id() + suffix + "?token=" + token;
    }
}
