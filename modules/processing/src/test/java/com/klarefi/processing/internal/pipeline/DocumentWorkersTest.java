package com.klarefi.processing.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentWorkersTest {
    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    /** So that busy document threads leave the HTTP carriers a core: health answers while every worker computes. */
    @Test
    void documentWorkRunsAtALowerSchedulingPriorityThanTheThreadsThatAnswerRequests() {
        assumeTrue(Files.isReadable(OWN_STAT), "no per-thread scheduling figures on this system");
        try (DocumentWorkers workers = new DocumentWorkers(1)) {
            int caller = niceOfThisThread();
            int worker = workers.run("test", Duration.ofSeconds(10), DocumentWorkersTest::niceOfThisThread);

            assertThat(worker).isEqualTo(Math.min(19, caller + BackgroundPriority.STEPS));
            assertThat(niceOfThisThread()).as("the caller keeps its priority").isEqualTo(caller);
        }
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name in parentheses. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
