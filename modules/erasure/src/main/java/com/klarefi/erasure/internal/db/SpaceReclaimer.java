package com.klarefi.erasure.internal.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Vacuums every table of the service. An erasure touches tables of several modules (pages,
 * features, events, deliveries, job history); which ones is theirs to know. PostgreSQL's statistics
 * cannot say it reliably either: a backend reports its deleted rows only when it next flushes its
 * statistics, which may be after this runs, so a table chosen by its counters can be missed. A
 * vacuum of a table that lost nothing reads little more than its visibility map, so every table is
 * cheaper than a missed one. VACUUM removes the dead rows and their index entries and marks their
 * space for reuse; it does not run in a transaction, so each table is its own statement, and a table
 * another session holds locked is skipped (its next vacuum gets it).
 */
public final class SpaceReclaimer {
    private static final System.Logger LOG = System.getLogger(SpaceReclaimer.class.getName());
    private final Jdbi jdbi;

    public SpaceReclaimer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void vacuumEveryTable() {
        List<String> tables = jdbi.withHandle(
                handle -> handle.createQuery("""
                        SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
                         ORDER BY schemaname, relname""").mapTo(String.class).list());
        long started = System.nanoTime();
        jdbi.useHandle(handle -> {
            for (String table : tables) {
                handle.execute("VACUUM (SKIP_LOCKED) " + table);
            }
        });
        LOG.log(
                System.Logger.Level.INFO,
                "vacuumed " + tables.size() + " tables after erasures in " + (System.nanoTime() - started) / 1_000_000
                        + " ms");
    }
}
