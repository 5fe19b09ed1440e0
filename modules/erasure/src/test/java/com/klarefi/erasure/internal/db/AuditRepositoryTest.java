package com.klarefi.erasure.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Erasure audit records against a real PostgreSQL with the module's migrations. */
class AuditRepositoryTest {
    private static final Instant ERASED_AT = Instant.parse("2030-05-06T07:08:09Z");

    private static TestDatabase testDatabase;
    private static Database database;
    private static AuditRepository audits;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate("erasure");
        audits = new AuditRepository(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aRecordIsReadBackWholeByAuditIdAndByDocumentWithinItsOrganisationAndEnvironment() {
        String orgId = anId("org");
        Receipt receipt = aReceipt(orgId, "test", ERASED_AT);
        database.useTransaction(tx -> audits.insert(tx, receipt));

        Caller owner = new Caller(orgId, Environment.TEST, "key_1");
        assertThat(audits.byAuditId(owner, receipt.auditId())).contains(receipt);
        assertThat(audits.byDocument(owner, receipt.docId())).contains(receipt);
        assertThat(audits.byAuditId(new Caller(anId("org"), Environment.TEST, "key_2"), receipt.auditId()))
                .as("another organisation")
                .isEmpty();
        assertThat(audits.byAuditId(new Caller(orgId, Environment.LIVE, "key_3"), receipt.auditId()))
                .as("the other environment")
                .isEmpty();
    }

    @Test
    void recentRecordsComeNewestFirstForOneOrganisationOrForAll() {
        String orgId = anId("org");
        Receipt older = aReceipt(orgId, "live", ERASED_AT.minus(Duration.ofHours(1)));
        Receipt newer = aReceipt(orgId, "test", ERASED_AT);
        Receipt elsewhere = aReceipt(anId("org"), "test", ERASED_AT.plus(Duration.ofHours(1)));
        database.useTransaction(tx -> {
            audits.insert(tx, older);
            audits.insert(tx, newer);
            audits.insert(tx, elsewhere);
        });

        assertThat(audits.recent(Optional.of(orgId), 10)).containsExactly(newer, older);
        assertThat(audits.recent(Optional.of(orgId), 1)).containsExactly(newer);
        assertThat(audits.recent(Optional.empty(), 10)).containsSubsequence(elsewhere, newer, older);
    }

    private static Receipt aReceipt(String orgId, String environment, Instant erasedAt) {
        return new Receipt(
                anId("aud"),
                orgId,
                environment,
                anId("doc"),
                anId("case"),
                Optional.of("ab".repeat(32)),
                3,
                2,
                1,
                true,
                "key_1",
                erasedAt);
    }

    private static String anId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
