package com.klarefi.processing.internal.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.json.Json;
import com.klarefi.processing.api.ErasableDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Documents and their pages in schema {@code processing}. */
public final class DocumentRepository {
    private final Jdbi jdbi;

    public DocumentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Tx tx, String id, Caller caller, String caseId, String caseTypeId, String url, Instant now) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO processing.documents (id, org_id, environment, case_id, case_type_id, source_url,
                               status, created_at, updated_at)
                        VALUES (:id, :org, :env, :case, :type, :url, 'queued', :now, :now)""")
                .bind("id", id)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .bind("case", caseId)
                .bind("type", caseTypeId)
                .bind("url", url)
                .bind("now", now)
                .execute();
    }

    /** An uploaded document: its bytes arrive with it, so there is nothing to fetch. */
    public record Upload(
            String id,
            Caller caller,
            String caseId,
            String caseTypeId,
            String source,
            byte[] content,
            String sha256,
            String mediaType) {}

    public void insertUpload(Tx tx, Upload upload, Instant now) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO processing.documents (id, org_id, environment, case_id, case_type_id, source_url,
                               status, content, sha256, size_bytes, media_type, created_at, updated_at)
                        VALUES (:id, :org, :env, :case, :type, :source, 'queued', :content, :sha, :size, :media, :now, :now)""")
                .bind("id", upload.id())
                .bind("org", upload.caller().orgId())
                .bind("env", upload.caller().environment().wireName())
                .bind("case", upload.caseId())
                .bind("type", upload.caseTypeId())
                .bind("source", upload.source())
                .bind("content", upload.content())
                .bind("sha", upload.sha256())
                .bind("size", (long) upload.content().length)
                .bind("media", upload.mediaType())
                .bind("now", now)
                .execute();
    }

    public Optional<DocumentRecord> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, org_id, environment, case_id, case_type_id, source_url, status, attempts,
                               content IS NOT NULL AS has_content, media_type
                          FROM processing.documents WHERE id = :id""")
                .bind("id", id)
                .map((rows, context) -> record(rows))
                .findOne());
    }

    private static DocumentRecord record(ResultSet rows) throws SQLException {
        return new DocumentRecord(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("environment"),
                rows.getString("case_id"),
                rows.getString("case_type_id"),
                rows.getString("source_url"),
                rows.getString("status"),
                rows.getInt("attempts"),
                rows.getBoolean("has_content"),
                Optional.ofNullable(rows.getString("media_type")));
    }

    /**
     * Marks an attempt and returns the document as it was before it (so {@code attempts} counts the
     * earlier ones); empty when the document is finished or gone and must not be worked on. One
     * statement for what a read and an update did.
     */
    public Optional<DocumentRecord> startAttempt(String id, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        UPDATE processing.documents SET status = 'processing', attempts = attempts + 1, updated_at = :now
                         WHERE id = :id AND status IN ('queued', 'processing')
                        RETURNING id, org_id, environment, case_id, case_type_id, source_url, status, attempts - 1 AS attempts,
                                  content IS NOT NULL AS has_content, media_type""")
                .bind("id", id)
                .bind("now", now)
                .map((rows, context) -> record(rows))
                .findOne());
    }

    public void storeContent(
            String id, byte[] content, String sha256, String mediaType, Integer httpStatus, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE processing.documents
                           SET content = :content, sha256 = :sha, size_bytes = :size, media_type = :media,
                               http_status = :http, updated_at = :now
                         WHERE id = :id AND status = 'processing'""")
                .bind("id", id)
                .bind("content", content)
                .bind("sha", sha256)
                .bind("size", (long) content.length)
                .bind("media", mediaType)
                .bind("http", httpStatus)
                .bind("now", now)
                .execute());
    }

    public Optional<byte[]> content(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT content FROM processing.documents WHERE id = :id")
                .bind("id", id)
                .map((rows, context) -> rows.getBytes("content"))
                .findOne());
    }

    /** Finishes a document as processed; false if another run already finished it. */
    public boolean markProcessed(Tx tx, String id, int pageCount, Instant now) {
        return tx.handle()
                        .createUpdate("""
                        UPDATE processing.documents SET status = 'processed', page_count = :pages, failure_code = NULL,
                               failure_message = NULL, updated_at = :now, processed_at = :now
                         WHERE id = :id AND status IN ('queued', 'processing')""")
                        .bind("id", id)
                        .bind("pages", pageCount)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    public boolean markFailed(Tx tx, String id, String code, String message, Integer httpStatus, Instant now) {
        return tx.handle()
                        .createUpdate("""
                        UPDATE processing.documents SET status = 'failed', failure_code = :code, failure_message = :message,
                               http_status = COALESCE(:http, http_status), updated_at = :now
                         WHERE id = :id AND status IN ('queued', 'processing')""")
                        .bind("id", id)
                        .bind("code", code)
                        .bind("message", message)
                        .bind("http", httpStatus)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /**
     * A failed document back in the queue, as if just accepted: no failure, no attempts. Only a
     * failed one: of two operators retrying at once, the second finds it queued already.
     */
    public boolean requeueFailed(Tx tx, String id, Instant now) {
        return tx.handle().createUpdate("""
                        UPDATE processing.documents SET status = 'queued', failure_code = NULL, failure_message = NULL,
                               attempts = 0, updated_at = :now
                         WHERE id = :id AND status = 'failed'""").bind("id", id).bind("now", now).execute() == 1;
    }

    /**
     * Writes the pages of a document being finished, in one multi-row statement. Pages are only
     * ever written in the transaction that marks their document processed, so a document still
     * queued or processing has none: a rerun after a crash finds none to replace.
     */
    public void insertPages(Tx tx, String docId, List<PageLayer> pages) {
        PreparedBatch batch = tx.handle().prepareBatch("""
                INSERT INTO processing.pages (doc_id, page_index, method, text, width, height, words)
                VALUES (:doc, :index, :method, :text, :width, :height, CAST(:words AS jsonb))""");
        for (PageLayer page : pages) {
            batch.bind("doc", docId)
                    .bind("index", page.index())
                    .bind("method", page.method().wireName())
                    .bind("text", page.text())
                    .bind("width", page.width())
                    .bind("height", page.height())
                    .bind("words", Json.writeString(words(page.words())))
                    .add();
        }
        if (!pages.isEmpty()) {
            batch.execute();
        }
    }

    public Optional<StoredPage> page(Caller caller, String docId, int pageIndex) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT p.page_index, p.method, p.text, p.width, p.height, p.words::text AS words, d.page_count
                          FROM processing.pages p JOIN processing.documents d ON d.id = p.doc_id
                         WHERE p.doc_id = :doc AND p.page_index = :index AND d.org_id = :org AND d.environment = :env""")
                .bind("doc", docId)
                .bind("index", pageIndex)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> new StoredPage(
                        docId,
                        rows.getInt("page_index"),
                        rows.getString("method"),
                        rows.getString("text"),
                        rows.getFloat("width"),
                        rows.getFloat("height"),
                        rows.getInt("page_count"),
                        parseWords(rows.getString("words"))))
                .findOne());
    }

    /** A document's status and, when it failed, why: what a page request says when there is no page. */
    public record DocumentState(String status, Optional<String> failureCode) {}

    /** The caller's document's state, for telling "no such page" from "not processed yet" and "failed". */
    public Optional<DocumentState> stateFor(Caller caller, String docId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT status, failure_code FROM processing.documents
                         WHERE id = :doc AND org_id = :org AND environment = :env""")
                .bind("doc", docId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> new DocumentState(
                        rows.getString("status"), Optional.ofNullable(rows.getString("failure_code"))))
                .findOne());
    }

    /**
     * The processed documents' pages in the order they came, with {@code known} (a document whose
     * pages this transaction has just written) taken as given instead of read back and parsed.
     */
    public List<DocumentText> textsOfCase(Tx tx, String caseId, Optional<DocumentText> known) {
        String knownId = known.map(DocumentText::docId).orElse("");
        Map<String, List<PageLayer>> pages = new LinkedHashMap<>();
        tx.handle()
                .createQuery("""
                        SELECT d.id AS doc_id, p.page_index, p.method, p.text, p.width, p.height, p.words::text AS words
                          FROM processing.documents d
                          LEFT JOIN processing.pages p ON p.doc_id = d.id AND d.id <> :known
                         WHERE d.case_id = :case AND d.status = 'processed'
                         ORDER BY d.created_at, d.id, p.page_index""")
                .bind("case", caseId)
                .bind("known", knownId)
                .map((rows, context) -> new PageRow(
                        rows.getString("doc_id"),
                        rows.getObject("page_index") == null
                                ? null
                                : new PageLayer(
                                        rows.getInt("page_index"),
                                        rows.getString("text"),
                                        method(rows.getString("method")),
                                        rows.getFloat("width"),
                                        rows.getFloat("height"),
                                        parseWords(rows.getString("words")))))
                .forEach(row -> {
                    if (row.docId().equals(knownId)) {
                        pages.put(knownId, known.orElseThrow().pages());
                    } else if (row.page() != null) {
                        pages.computeIfAbsent(row.docId(), id -> new ArrayList<>())
                                .add(row.page());
                    }
                });
        List<DocumentText> texts = new ArrayList<>();
        pages.forEach((docId, layers) -> texts.add(new DocumentText(docId, layers)));
        return texts;
    }

    /** One row of {@link #textsOfCase}: a page, or none for the document given as known. */
    private record PageRow(String docId, PageLayer page) {}

    private static TextMethod method(String wireName) {
        for (TextMethod candidate : TextMethod.values()) {
            if (candidate.wireName().equals(wireName)) {
                return candidate;
            }
        }
        throw new IllegalStateException("unknown text method " + wireName);
    }

    private static List<Word> parseWords(String json) {
        JsonNode array = Json.read(json);
        List<Word> words = new ArrayList<>(array.size());
        for (JsonNode word : array) {
            JsonNode box = word.path("b");
            words.add(new Word(
                    word.path("s").asInt(),
                    word.path("e").asInt(),
                    (float) box.path(0).asDouble(),
                    (float) box.path(1).asDouble(),
                    (float) box.path(2).asDouble(),
                    (float) box.path(3).asDouble(),
                    (float) word.path("c").asDouble()));
        }
        return words;
    }

    public Optional<ErasableDocument> lockForErasure(Tx tx, Caller caller, String docId) {
        return tx.handle()
                .createQuery("""
                        SELECT id, case_id, case_type_id, sha256 FROM processing.documents
                         WHERE id = :doc AND org_id = :org AND environment = :env FOR UPDATE""")
                .bind("doc", docId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> new ErasableDocument(
                        rows.getString("id"),
                        rows.getString("case_id"),
                        rows.getString("case_type_id"),
                        Optional.ofNullable(rows.getString("sha256"))))
                .findOne();
    }

    /** Deletes the document with its bytes; its pages go with it (foreign key cascade). */
    public void delete(Tx tx, String docId) {
        tx.handle()
                .createUpdate("DELETE FROM processing.documents WHERE id = :doc")
                .bind("doc", docId)
                .execute();
    }

    /** Unfinished documents untouched since {@code before}: candidates for the reconciler. */
    public List<String> stale(Instant before, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM processing.documents
                         WHERE status IN ('queued', 'processing') AND updated_at < :before
                         ORDER BY updated_at LIMIT :limit""")
                .bind("before", before)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    private static List<Map<String, Object>> words(List<Word> words) {
        List<Map<String, Object>> out = new ArrayList<>(words.size());
        for (Word word : words) {
            out.add(Map.of(
                    "s",
                    word.charStart(),
                    "e",
                    word.charEnd(),
                    "b",
                    List.of(word.x0(), word.y0(), word.x1(), word.y1()),
                    "c",
                    word.confidence()));
        }
        return out;
    }

    /** A stored page as the pages endpoint returns it. */
    public record StoredPage(
            String docId,
            int pageIndex,
            String method,
            String text,
            float width,
            float height,
            int pageCount,
            List<Word> words) {
        public TextMethod textMethod() {
            return DocumentRepository.method(method);
        }
    }
}
