package com.klarefi.processing.internal.db;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Operator-defined case types, as the JSON they were given. */
public final class CaseTypeRepository {
    private final Jdbi jdbi;

    public CaseTypeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> find(String id) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT definition FROM processing.case_types WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne());
    }

    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT id, definition FROM processing.case_types ORDER BY id")
                .map((rows, context) -> Map.entry(rows.getString("id"), rows.getString("definition")))
                .forEach(entry -> all.put(entry.getKey(), entry.getValue())));
        return all;
    }

    public void put(String id, String definition, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO processing.case_types (id, definition, updated_at) VALUES (:id, :definition, :now)
                        ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at""")
                .bind("id", id)
                .bind("definition", definition)
                .bind("now", now)
                .execute());
    }
}
