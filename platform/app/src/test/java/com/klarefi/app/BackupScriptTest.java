package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops/klarefi-backup takes a backup of a live Klarefi database and restores it. */
class BackupScriptTest {
    @Test
    void aBackupRestoresWhatWasThere(@TempDir Path dataDirectory, @TempDir Path backups) throws Exception {
        assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "PostgreSQL client tools are not installed");
        try (TestDatabase database = TestDatabase.create()) {
            String orgId;
            try (KlarefiServer server = TestServers.start(database, dataDirectory, Map.of())) {
                orgId = server.organisations().create("Before Backup BV").orgId();
            }
            Path file = backups.resolve("klarefi.dump");
            assertThat(run(database, "backup", file)).isZero();

            database.execute("DELETE FROM auth.api_keys");
            database.execute("DELETE FROM auth.organisations");
            assertThat(organisations(database, orgId)).isZero();

            assertThat(run(database, "restore", file)).isZero();
            assertThat(organisations(database, orgId)).isEqualTo(1);
        }
    }

    private static int run(TestDatabase database, String action, Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        RepositoryFiles.root().resolve("ops/klarefi-backup").toString(), action, file.toString())
                .inheritIO();
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KLAREFI_"));
        environment.put("KLAREFI_DB_URL", database.jdbcUrl());
        environment.put("KLAREFI_DB_USER", database.connectionSettings().user().orElse("postgres"));
        database.connectionSettings()
                .password()
                .ifPresent(password -> environment.put("KLAREFI_DB_PASSWORD", password));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static int organisations(TestDatabase database, String orgId) throws Exception {
        try (var connection = database.connect();
                var statement = connection.prepareStatement("SELECT count(*) FROM auth.organisations WHERE id = ?")) {
            statement.setString(1, orgId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }
}
