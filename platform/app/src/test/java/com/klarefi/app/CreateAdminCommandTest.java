package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.auth.api.LoginOutcome;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klarefi admin create-admin} and the key commands against a running instance's database. */
class CreateAdminCommandTest {
    private static TestDatabase database;
    private static TestServerAccess.Running server;
    private static Path dataDirectory;

    @BeforeAll
    static void start(@TempDir Path directory) {
        dataDirectory = directory;
        database = TestDatabase.create();
        server = TestServerAccess.start(database, directory, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private record Run(int status, String out, String err) {}

    private static Run admin(String stdin, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = AdminCommands.run(
                TestServers.settings(database, dataDirectory, Map.of()),
                List.of(arguments),
                in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listKeysInJsonRendersKeysAsTheApiDoesWithCreationRevocationAndReplacement() {
        String orgId = Json.read(admin("", "create-org", "--name", "Keys in JSON", "--json")
                        .out())
                .path("org_id")
                .asText();
        String rolled = Json.read(admin("", "create-key", "--org", orgId, "--env", "test", "--json")
                        .out())
                .path("key_id")
                .asText();
        String replacement = Json.read(
                        admin("", "roll-key", "--key", rolled, "--json").out())
                .path("key_id")
                .asText();
        assertThat(admin("", "revoke-key", "--key", replacement, "--json").status())
                .isZero();

        Run run = admin("", "list-keys", "--org", orgId, "--json");

        assertThat(run.status()).as(run.err()).isZero();
        Map<String, JsonNode> keys = new HashMap<>();
        Json.read(run.out()).forEach(key -> keys.put(key.path("key_id").asText(), key));
        assertThat(keys.values()).allMatch(key -> key.hasNonNull("created_at"));
        assertThat(keys.get(rolled).path("replaced_by").asText()).isEqualTo(replacement);
        assertThat(keys.get(replacement).path("status").asText()).isEqualTo("revoked");
        assertThat(keys.get(replacement).hasNonNull("revoked_at")).isTrue();
    }

    @Test
    void aPasswordFromStandardInputSignsInAndIsNeverPrinted() {
        Run run = admin(
                "a password from stdin\n",
                "create-admin",
                "--email",
                "stdin@example.com",
                "--password-stdin",
                "--json");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("stdin@example.com").doesNotContain("a password from stdin");
        assertThat(server.server().operators().logIn("stdin@example.com", "a password from stdin"))
                .isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndPrintedOnce() {
        Run run = admin("", "create-admin", "--email", "generated@example.com", "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode printed = Json.read(run.out());
        String password = printed.path("password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(server.server().operators().logIn("GENERATED@example.com", password))
                .isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void aShortPasswordATakenEmailAndAMissingEmailAreRefused() {
        assertThat(admin("short\n", "create-admin", "--email", "short@example.com", "--password-stdin")
                        .err())
                .contains("at least 12 characters");
        assertThat(admin("", "create-admin", "--email", "twice@example.com").status())
                .isZero();
        Run again = admin("", "create-admin", "--email", "Twice@Example.com");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");
        assertThat(admin("", "create-admin").status()).isEqualTo(2);
    }
}
