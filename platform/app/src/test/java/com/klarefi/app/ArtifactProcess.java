package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built artifact ({@code target/klarefi.jar}) running as its own operating-system process,
 * started as an operator starts it: {@code java -jar klarefi.jar serve} with settings in the
 * environment and nothing inherited from the test's own {@code KLAREFI_*} variables.
 */
record ArtifactProcess(Process process, Path log) {

    /** Free ports for the public API, the admin surface and the job dashboard. */
    record Ports(int http, int admin, int dashboard) {
        static Ports free() {
            try (ServerSocket a = new ServerSocket(0);
                    ServerSocket b = new ServerSocket(0);
                    ServerSocket c = new ServerSocket(0)) {
                return new Ports(a.getLocalPort(), b.getLocalPort(), c.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Map<String, String> settings() {
            return Map.of(
                    "KLAREFI_HTTP_PORT",
                    Integer.toString(http),
                    "KLAREFI_ADMIN_PORT",
                    Integer.toString(admin),
                    "KLAREFI_DASHBOARD_PORT",
                    Integer.toString(dashboard));
        }
    }

    static ArtifactProcess serve(Path dataDirectory, Ports ports, Map<String, String> settings, Path log) {
        Map<String, String> all = new HashMap<>(ports.settings());
        all.putAll(settings);
        return new ArtifactProcess(start(dataDirectory, all, log, List.of("serve")), log);
    }

    /** Runs {@code klarefi admin create-org --json} on the data directory and returns its JSON. */
    static JsonNode createOrganisation(Path dataDirectory, String name, Path log) {
        Process admin = start(dataDirectory, Map.of(), log, List.of("admin", "create-org", "--name", name, "--json"));
        try {
            assertThat(admin.waitFor(60, TimeUnit.SECONDS))
                    .as("admin create-org finishes (log: %s)", log)
                    .isTrue();
            assertThat(admin.exitValue())
                    .as("admin create-org exit status (log: %s)", log)
                    .isZero();
            String out = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Json.read(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(Path dataDirectory, Map<String, String> settings, Path log, List<String> arguments) {
        Path jar = Path.of(System.getProperty("klarefi.jar", "target/klarefi.jar"));
        assertThat(jar).as("build the artifact first (mvn package)").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (arguments.getFirst().equals("serve")) {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KLAREFI_"));
        environment.put("KLAREFI_DATA_DIR", dataDirectory.toString());
        environment.putAll(settings);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ArtifactProcess awaitHealthy(HttpTestClient api) {
        await("health (log: " + log + ")")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast("the process exited", () -> !process.isAlive())
                .until(() -> api.get("/api/v1/health").status() == 200);
        return this;
    }

    /** SIGKILL from outside, as an operator's {@code kill -9} or the kernel's OOM killer. */
    void kill() {
        process.destroyForcibly();
        assertThat(awaitExit(Duration.ofSeconds(30)))
                .as("exit status after SIGKILL")
                .isEqualTo(137);
    }

    /** Waits for the process to end by itself and returns its exit status. */
    int awaitExit(Duration atMost) {
        await("process exit (log: " + log + ")").atMost(atMost).until(() -> !process.isAlive());
        return process.exitValue();
    }

    /** SIGTERM; the process must finish cleanly within 10 s. Returns how long it took, in ms. */
    long terminateAndAssertCleanExit() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("exit within 10 s of SIGTERM (log: %s)", log).isTrue();
        assertThat(process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(logText()).contains("Klarefi stopped");
        return millis;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
