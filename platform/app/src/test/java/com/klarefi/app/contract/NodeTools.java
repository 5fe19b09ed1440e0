package com.klarefi.app.contract;

import com.klarefi.app.architecture.RepositoryFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The contract tests' npm tools, installed by {@code scripts/contract/install} (CI runs it): a
 * process started from them, whose output is kept, and stopped with the test.
 */
final class NodeTools {
    static final Path ROOT = RepositoryFiles.root();
    static final Path MODULES = ROOT.resolve(".tools/contract/node_modules");

    private NodeTools() {}

    static boolean installed() {
        return Files.isRegularFile(MODULES.resolve("@stoplight/prism-cli/package.json"))
                && Files.isRegularFile(MODULES.resolve("standardwebhooks/package.json"));
    }

    /** A started tool; {@link #awaitLine} waits for the line that says it is ready. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new ArrayList<>();

        /** Runs {@code command} in the repository root, finding the npm packages installed for the tests. */
        Running(List<String> command) throws IOException {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
            builder.environment().put("NODE_PATH", MODULES.toString());
            this.process = builder.start();
            CompletableFuture.runAsync(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            });
        }

        String awaitLine(Predicate<String> ready, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                synchronized (lines) {
                    for (String line : lines) {
                        if (ready.test(line)) {
                            return line;
                        }
                    }
                }
                Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            }
            throw new IllegalStateException("not ready within " + within + "; output: " + output());
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
