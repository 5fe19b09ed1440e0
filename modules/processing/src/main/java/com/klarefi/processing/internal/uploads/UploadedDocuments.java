package com.klarefi.processing.internal.uploads;

import com.klarefi.cases.api.CaseDocuments;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.ids.Ids;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.MediaType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Documents that arrive as bytes: checked against the fetch limits and stored ready for the job. */
public final class UploadedDocuments {
    private static final int MAX_FILENAME_LENGTH = 200;

    private final DocumentRepository documents;
    private final DocumentReader reader;
    private final CaseDocuments cases;
    private final long maxBytes;
    private final Clock clock;

    public UploadedDocuments(
            DocumentRepository documents, DocumentReader reader, CaseDocuments cases, long maxBytes, Clock clock) {
        this.documents = documents;
        this.reader = reader;
        this.cases = cases;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public String accept(Tx tx, Caller caller, String caseId, byte[] content, String filename) {
        if (content.length > maxBytes) {
            throw new DocumentFailure(
                    DocumentFailure.Code.TOO_LARGE, "The document is larger than " + maxBytes + " bytes.");
        }
        MediaType type = reader.detect(content);
        if (!type.supported()) {
            throw new DocumentFailure(
                    DocumentFailure.Code.UNSUPPORTED_MEDIA_TYPE,
                    "The document is " + type.mimeType()
                            + "; supported are PDF, PNG, JPEG, TIFF, plain text and e-mail (.eml).");
        }
        String docId = Ids.newId("doc");
        CaseDocuments.LockedCase locked = cases.addDocument(tx, caller, caseId, docId);
        documents.insertUpload(
                tx,
                new DocumentRepository.Upload(
                        docId,
                        caller,
                        locked.caseId(),
                        locked.caseTypeId(),
                        "upload:" + shortened(filename),
                        content,
                        DocumentProcessor.sha256(content),
                        type.mimeType()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return docId;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private static String shortened(String filename) {
        String name = filename == null ? "" : filename.strip();
        return name.length() <= MAX_FILENAME_LENGTH ? name : name.substring(0, MAX_FILENAME_LENGTH);
    }
}
