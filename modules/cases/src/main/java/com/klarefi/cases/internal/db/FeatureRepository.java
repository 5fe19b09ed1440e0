package com.klarefi.cases.internal.db;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.FeatureSnapshot;
import com.klarefi.platform.db.Tx;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Decisions, candidates and evidence of cases, stored as rows so erasure can count what it removes. */
public final class FeatureRepository {
    private final Jdbi jdbi;

    public FeatureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void replace(Tx tx, String caseId, List<CaseFeature> features) {
        Handle handle = tx.handle();
        // One statement for the three tables (no foreign key runs between them).
        handle.createUpdate("""
                WITH evidence AS (DELETE FROM cases.evidence WHERE case_id = :case),
                     candidates AS (DELETE FROM cases.candidates WHERE case_id = :case)
                DELETE FROM cases.decisions WHERE case_id = :case""").bind("case", caseId).execute();
        PreparedBatch decisions = handle.prepareBatch("""
                INSERT INTO cases.decisions (case_id, feature_id, decision_id, outcome, many, selected_candidate_ids, reason)
                VALUES (:case, :feature, :id, :outcome, :many, :selected, :reason)""");
        PreparedBatch candidates = handle.prepareBatch("""
                INSERT INTO cases.candidates (case_id, feature_id, candidate_id, position, value_raw, value_normalized,
                       confidence, evidence_ids)
                VALUES (:case, :feature, :id, :position, :raw, :normalized, :confidence, :evidence)""");
        PreparedBatch evidence = handle.prepareBatch("""
                INSERT INTO cases.evidence (case_id, feature_id, evidence_id, position, doc_id, page_index, char_start,
                       char_end, box, quote, method, ocr_confidence, session_id)
                VALUES (:case, :feature, :id, :position, :doc, :page, :start, :end, :box, :quote, :method, :ocr, :session)""");
        for (CaseFeature feature : features) {
            CaseFeature.Decision decision = feature.decision();
            decisions
                    .bind("case", caseId)
                    .bind("feature", feature.featureId())
                    .bind("id", decision.decisionId())
                    .bind("outcome", decision.outcome())
                    .bind("many", decision.many())
                    .bind("selected", decision.selectedCandidateIds().toArray(String[]::new))
                    .bind("reason", decision.reason().orElse(null))
                    .add();
            int position = 0;
            for (CaseFeature.Candidate candidate : feature.candidates()) {
                candidates
                        .bind("case", caseId)
                        .bind("feature", feature.featureId())
                        .bind("id", candidate.candidateId())
                        .bind("position", position++)
                        .bind("raw", candidate.valueRaw())
                        .bind("normalized", candidate.valueNormalized())
                        .bind("confidence", candidate.confidence())
                        .bind("evidence", candidate.evidenceIds().toArray(String[]::new))
                        .add();
            }
            position = 0;
            for (CaseFeature.Evidence item : feature.evidence()) {
                boolean located = item.sessionId().isEmpty();
                evidence.bind("case", caseId)
                        .bind("feature", feature.featureId())
                        .bind("id", item.evidenceId())
                        .bind("position", position++)
                        .bind("doc", item.docId())
                        .bind("page", located ? item.pageIndex() : null)
                        .bind("start", located ? item.charStart() : null)
                        .bind("end", located ? item.charEnd() : null)
                        .bind("session", item.sessionId().orElse(null))
                        .bind(
                                "box",
                                item.box().map(box -> box.toArray(Float[]::new)).orElse(null))
                        .bind("quote", item.quote())
                        .bind("method", item.method())
                        .bind(
                                "ocr",
                                item.ocrConfidence().isPresent()
                                        ? item.ocrConfidence().getAsDouble()
                                        : null)
                        .add();
            }
        }
        for (PreparedBatch batch : List.of(decisions, candidates, evidence)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    public FeatureSnapshot snapshot(Tx tx, String caseId) {
        Handle handle = tx.handle();
        return new FeatureSnapshot(
                Set.copyOf(handle.createQuery("SELECT evidence_id FROM cases.evidence WHERE case_id = :case")
                        .bind("case", caseId)
                        .mapTo(String.class)
                        .list()),
                Set.copyOf(handle.createQuery("SELECT candidate_id FROM cases.candidates WHERE case_id = :case")
                        .bind("case", caseId)
                        .mapTo(String.class)
                        .list()),
                Set.copyOf(handle.createQuery("SELECT decision_id FROM cases.decisions WHERE case_id = :case")
                        .bind("case", caseId)
                        .mapTo(String.class)
                        .list()));
    }

    /** The case's features in the order they were decided, with candidates and evidence in order. */
    public List<CaseFeature> read(String caseId) {
        return jdbi.withHandle(handle -> {
            Map<String, List<CaseFeature.Candidate>> candidates = new LinkedHashMap<>();
            handle.createQuery("SELECT * FROM cases.candidates WHERE case_id = :case ORDER BY feature_id, position")
                    .bind("case", caseId)
                    .map((rows, context) -> Map.entry(
                            rows.getString("feature_id"),
                            new CaseFeature.Candidate(
                                    rows.getString("candidate_id"),
                                    rows.getString("value_raw"),
                                    rows.getString("value_normalized"),
                                    rows.getDouble("confidence"),
                                    strings(rows.getArray("evidence_ids")))))
                    .forEach(entry -> candidates
                            .computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                            .add(entry.getValue()));
            Map<String, List<CaseFeature.Evidence>> evidence = new LinkedHashMap<>();
            handle.createQuery("SELECT * FROM cases.evidence WHERE case_id = :case ORDER BY feature_id, position")
                    .bind("case", caseId)
                    .map((rows, context) -> Map.entry(rows.getString("feature_id"), evidence(rows)))
                    .forEach(entry -> evidence.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                            .add(entry.getValue()));
            return handle.createQuery("SELECT * FROM cases.decisions WHERE case_id = :case ORDER BY feature_id")
                    .bind("case", caseId)
                    .map((rows, context) -> {
                        String feature = rows.getString("feature_id");
                        CaseFeature.Decision decision = new CaseFeature.Decision(
                                rows.getString("decision_id"),
                                rows.getString("outcome"),
                                strings(rows.getArray("selected_candidate_ids")),
                                rows.getBoolean("many"),
                                Optional.ofNullable(rows.getString("reason")));
                        return new CaseFeature(
                                feature,
                                decision,
                                candidates.getOrDefault(feature, List.of()),
                                evidence.getOrDefault(feature, List.of()));
                    })
                    .list();
        });
    }

    private static CaseFeature.Evidence evidence(ResultSet rows) throws SQLException {
        Array box = rows.getArray("box");
        Optional<List<Float>> corners = Optional.empty();
        if (box != null) {
            Object[] values = (Object[]) box.getArray();
            corners = Optional.of(Arrays.stream(values)
                    .map(value -> ((Number) value).floatValue())
                    .toList());
        }
        double ocr = rows.getDouble("ocr_confidence");
        OptionalDouble confidence = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(ocr);
        return new CaseFeature.Evidence(
                rows.getString("evidence_id"),
                rows.getString("doc_id"),
                rows.getInt("page_index"),
                rows.getInt("char_start"),
                rows.getInt("char_end"),
                corners,
                rows.getString("quote"),
                rows.getString("method"),
                confidence,
                Optional.ofNullable(rows.getString("session_id")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
