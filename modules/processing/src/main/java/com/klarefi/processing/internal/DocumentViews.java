package com.klarefi.processing.internal;

import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.processing.api.PageText;
import com.klarefi.processing.internal.db.DocumentRecord;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.text.DocumentReader;
import java.util.Optional;

/** A document as operators see it on the dashboard: where it came from, its page text, its page images. */
final class DocumentViews {
    private final DocumentRepository documents;
    private final DocumentReader reader;

    DocumentViews(DocumentRepository documents, DocumentReader reader) {
        this.documents = documents;
        this.reader = reader;
    }

    Optional<String> source(String docId) {
        return documents.find(docId).map(DocumentRecord::sourceUrl);
    }

    Optional<PageText> pageText(String orgId, Environment environment, String docId, int pageIndex) {
        return documents
                .page(operator(orgId, environment), docId, pageIndex)
                .map(page -> new PageText(
                        docId,
                        page.pageIndex(),
                        page.textMethod(),
                        page.text(),
                        page.pageCount(),
                        page.width(),
                        page.height(),
                        page.words()));
    }

    Optional<byte[]> pageImage(String orgId, Environment environment, String docId, int pageIndex, int maxWidth) {
        if (documents.stateFor(operator(orgId, environment), docId).isEmpty()
                || !documents.find(docId).map(DocumentRecord::hasContent).orElse(false)) {
            return Optional.empty();
        }
        return documents
                .content(docId)
                .flatMap(content -> reader.pageImage(content, reader.detect(content), pageIndex, maxWidth));
    }

    private static Caller operator(String orgId, Environment environment) {
        return new Caller(orgId, environment, "operator");
    }
}
