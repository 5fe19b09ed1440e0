package com.klarefi.erasure.internal.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Vacuums every table of the service that has had rows deleted or updated. An erasure touches
 * tables of several modules (pages, features, events, deliveries, job history); which ones is
 * theirs to know, so this asks PostgreSQL's statistics instead of naming them (their counters since
 * the statistics were reset, not the dead-row estimate, which a busy backend reports late). VACUUM removes the dead rows and their index
 * entries and marks their space for reuse; it does not run in a transaction, so each table is its
 * own statement, and a table another session holds locked is skipped (its next vacuum gets it).
 */
public final class SpaceReclaimer {
    private static final System.Logger LOG = System.getLogger(SpaceReclaimer.class.getName());
    private final Jdbi jdbi;

    public SpaceReclaimer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void vacuumTablesThatLostRows() {
        List<String> tables = jdbi.withHandle(
                handle -> handle.createQuery("""
                        SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
                         WHERE n_dead_tup > 0 OR n_tup_del > 0 OR n_tup_upd > 0 OR n_tup_hot_upd > 0
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
