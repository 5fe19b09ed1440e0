package com.klarefi.ratelimit.internal.limiter;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.ratelimit.api.RateLimitModule;
import com.klarefi.ratelimit.internal.db.PostgresPermitLedger;
import com.klarefi.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window ledger in PostgreSQL (its table and its {@code lease} function, with the module's
 * migrations) answers every lease and release as the in-memory ledger the limiter's tests use, so
 * what those tests show holds for the real one.
 */
class PermitLedgersAgreeTest {
    private static final int LIMIT = 100;
    private static final long WINDOW = 1_800_000_000L;
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate(RateLimitModule.NAME);
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void leasesShrinkAsTheWindowFillsAndStopAtTheLimit() {
        assertThat(leases(ledger -> {
                    List<Lease> seen = new ArrayList<>();
                    String org = newOrganisation();
                    for (int i = 0; i < 60; i++) {
                        seen.add(ledger.lease(org, WINDOW, 0));
                    }
                    return seen;
                }))
                .satisfies(ledgers -> {
                    assertThat(ledgers.real()).isEqualTo(ledgers.inMemory());
                    assertThat(ledgers.real().getLast().used()).isEqualTo(LIMIT);
                    assertThat(ledgers.real().getLast().granted()).isZero();
                });
    }

    @Test
    void returnedPermitsAreLeasedAgainAndANewWindowStartsFromNothing() {
        assertThat(leases(ledger -> {
                    String org = newOrganisation();
                    List<Lease> seen = new ArrayList<>();
                    seen.add(ledger.lease(org, WINDOW, 0));
                    seen.add(ledger.lease(org, WINDOW, 5));
                    ledger.release(org, WINDOW, 3);
                    seen.add(ledger.lease(org, WINDOW, 0));
                    seen.add(ledger.lease(org, WINDOW + 60, 0));
                    ledger.release(org, WINDOW, 10);
                    seen.add(ledger.lease(org, WINDOW + 60, 0));
                    seen.add(ledger.lease(org, WINDOW, 0));
                    return seen;
                }))
                .satisfies(ledgers -> assertThat(ledgers.real()).isEqualTo(ledgers.inMemory()));
    }

    private record Both(List<Lease> real, List<Lease> inMemory) {}

    private interface Script {
        List<Lease> run(PermitLedger ledger);
    }

    private static Both leases(Script script) {
        return new Both(
                script.run(new PostgresPermitLedger(database.jdbi(), LIMIT, LeasePolicy.standard())),
                script.run(new InMemoryPermitLedger(LIMIT, LeasePolicy.standard())));
    }

    private static String newOrganisation() {
        return "org_" + UUID.randomUUID().toString().replace("-", "");
    }
}
