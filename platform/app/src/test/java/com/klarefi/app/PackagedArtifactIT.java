package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.app.ArtifactProcess.Ports;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built artifact, started as an operator starts it ({@code java -jar klarefi.jar serve}) with
 * no configuration but ports and a data directory: it must come up on its embedded database,
 * answer over HTTP, guard its job dashboard, stop cleanly on SIGTERM and reuse its data.
 */
class PackagedArtifactIT {
    @TempDir
    Path workDirectory;

    @Test
    void theArtifactServesStopsCleanlyAndReusesItsDataDirectory() throws Exception {
        Path dataDirectory = workDirectory.resolve("klarefi-data");
        Ports ports = Ports.free();

        ArtifactProcess first =
                ArtifactProcess.serve(dataDirectory, ports, Map.of(), workDirectory.resolve("first.log"));
        HttpTestClient api = HttpTestClient.local(ports.http());
        // Ready in a few seconds on an idle machine; the bound is generous because CI machines are
        // shared, and the time is printed rather than asserted.
        long launched = System.nanoTime();
        await("health")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> api.get("/api/v1/health").status() == 200);
        System.out.println("start to healthy: " + (System.nanoTime() - launched) / 1_000_000 + " ms");
        assertThat(api.get("/api/v1/health").body()).isEqualTo("{\"status\":\"ok\"}");

        HttpTestClient.Response missing = api.get("/api/v1/does-not-exist");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().path("request_id").asText())
                .isEqualTo(missing.header("Request-Id").orElseThrow());

        String password = Files.readString(dataDirectory.resolve("secrets/dashboard-password"))
                .trim();
        HttpTestClient dashboard = HttpTestClient.local(ports.dashboard());
        assertThat(dashboard.get("/dashboard/overview").status()).isEqualTo(401);
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        assertThat(dashboard
                        .send("GET", "/dashboard/overview", null, Map.of("Authorization", "Basic " + basic))
                        .status())
                .isEqualTo(200);

        String masterKey = Files.readString(dataDirectory.resolve("secrets/master.key"));
        List<ProcessHandle> postgres = postgresServing(dataDirectory);
        assertThat(postgres)
                .as("the embedded PostgreSQL runs on the data directory")
                .isNotEmpty();

        System.out.println("SIGTERM to exit: " + first.terminateAndAssertCleanExit() + " ms");
        // The server has been told to stop and has released its data directory; give the kernel a
        // moment to reap it.
        await("no postgres left behind")
                .atMost(Duration.ofSeconds(3))
                .until(() -> postgres.stream().noneMatch(ProcessHandle::isAlive)
                        && postgresServing(dataDirectory).isEmpty());

        ArtifactProcess second =
                ArtifactProcess.serve(dataDirectory, ports, Map.of(), workDirectory.resolve("second.log"));
        await("health after restart")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> api.get("/api/v1/health").status() == 200);
        assertThat(Files.readString(workDirectory.resolve("second.log"))).contains("reusing the embedded database");
        assertThat(Files.readString(dataDirectory.resolve("secrets/master.key")))
                .isEqualTo(masterKey);
        System.out.println("SIGTERM to exit: " + second.terminateAndAssertCleanExit() + " ms");
    }

    /** pg_ctl detaches the server from its parent, so look it up by its data directory. */
    private static List<ProcessHandle> postgresServing(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("postgres") && line.contains(directory))
                        .orElse(false))
                .toList();
    }
}
