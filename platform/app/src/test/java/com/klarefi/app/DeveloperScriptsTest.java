package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klarefi.app.architecture.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The developer scripts under scripts/ do what they say and leave the local Maven repository alone. */
class DeveloperScriptsTest {
    private static final Path ROOT = RepositoryFiles.root();

    @Test
    void theBenchmarkSummaryExplainsItselfAndPrintsAnEmptyTableWhenNothingWasMeasured(@TempDir Path results)
            throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        Run help = python(results, "scripts/bench/summary.py", "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("usage:").contains("bench-results");

        Run empty = python(results, "scripts/bench/summary.py");
        assertThat(empty.exitCode()).as(empty.output()).isZero();
        assertThat(empty.output()).contains("figure").contains("ratio");
        assertThat(results.resolve("summary-latest.json")).content().isEqualToIgnoringWhitespace("[]");
    }

    /** {@code mvn install} writes this build's snapshots into the local repository every build shares. */
    @Test
    void noScriptInstallsIntoTheLocalMavenRepository() throws IOException {
        List<String> installing;
        try (Stream<Path> files = Files.walk(ROOT.resolve("scripts"))) {
            installing = files.filter(Files::isRegularFile)
                    .flatMap(DeveloperScriptsTest::mavenInstalls)
                    .toList();
        }
        assertThat(installing).isEmpty();
    }

    private static Stream<String> mavenInstalls(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(line -> !line.stripLeading().startsWith("#"))
                    .filter(line -> line.matches(".*\\bmvnw?\\b.*\\sinstall(\\s.*)?$"))
                    .map(line -> ROOT.relativize(file) + ": " + line.strip());
        } catch (IOException e) {
            // A binary or unreadable file runs no Maven.
            return Stream.empty();
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run python(Path results, String script, String... arguments) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Stream.concat(Stream.of("python3", ROOT.resolve(script).toString()), Stream.of(arguments))
                                .toList())
                .redirectErrorStream(true);
        builder.environment().put("KLAREFI_BENCH_RESULTS", results.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
