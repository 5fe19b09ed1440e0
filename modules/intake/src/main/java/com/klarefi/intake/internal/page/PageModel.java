package com.klarefi.intake.internal.page;

import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the applicant's page shows at one moment; {@code organisation} is who asks for the documents. */
record PageModel(
        Session session,
        String token,
        String csrf,
        CaseType caseType,
        List<UploadedDocument> documents,
        List<Corrections.FeatureValue> values,
        Map<String, String> typed,
        List<String> unreadable,
        Optional<Notice> notice,
        long maxMegabytes,
        Optional<OrganisationProfile> organisation) {

    /** A message shown in the section the applicant just used ({@code values} or {@code finish}), so it is where they look. */
    record Notice(String section, String text, boolean problem) {
        static Notice of(String section, String text) {
            return new Notice(section, text, false);
        }

        static Notice problem(String section, String text) {
            return new Notice(section, text, true);
        }
    }

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
        return anyRead()
                || !unreadable.isEmpty()
                || values.stream()
                        .anyMatch(value -> value.source() == Corrections.Source.APPLICANT
                                || value.source() == Corrections.Source.ABSENT);
    }

    String path(String suffix) {
        return "/s/" + session.id() + suffix + "?token=" + token;
    }
}
