package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class TextLogFormatterTest {
    private static final String PATTERN = "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s %5$s%6$s%n";

    @Test
    void writesTheLineTheBuiltInPatternDescribes() {
        LogRecord record = record(Level.INFO, "surface=api request_id=req_1 status=200", null);

        assertThat(new TextLogFormatter(ZoneId.of("UTC")).format(record))
                .isEqualTo("2026-03-04T05:06:07.089+0000 INFO klarefi.access surface=api request_id=req_1 status=200"
                        + System.lineSeparator())
                .isEqualTo(byPattern(record, ZoneId.of("UTC")));
    }

    @Test
    void followsTheZoneAndFillsInMessageParameters() {
        LogRecord record = record(Level.WARNING, "could not hand back {0} permits", null);
        record.setParameters(new Object[] {"3"});
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");

        assertThat(new TextLogFormatter(amsterdam).format(record))
                .startsWith("2026-03-04T06:06:07.089+0100 WARNING")
                .isEqualTo(byPattern(record, amsterdam));
    }

    @Test
    void putsTheStackTraceOnTheLinesAfterTheMessage() {
        LogRecord record = record(Level.SEVERE, "unexpected failure", new IllegalStateException("broken"));

        String line = new TextLogFormatter(ZoneId.of("UTC")).format(record);

        assertThat(line)
                .isEqualTo(byPattern(record, ZoneId.of("UTC")))
                .contains("unexpected failure" + System.lineSeparator() + "java.lang.IllegalStateException: broken");
    }

    private static LogRecord record(Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(Instant.parse("2026-03-04T05:06:07.089Z"));
        record.setLoggerName("klarefi.access");
        record.setThrown(thrown);
        return record;
    }

    /** What SimpleFormatter writes with the pattern. */
    private static String byPattern(LogRecord record, ZoneId zone) {
        String thrown = "";
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            PrintWriter writer = new PrintWriter(trace);
            writer.println();
            record.getThrown().printStackTrace(writer);
            writer.close();
            thrown = trace.toString();
        }
        String message = new SimpleFormatter().formatMessage(record);
        return String.format(
                PATTERN,
                record.getInstant().atZone(zone),
                "source",
                record.getLoggerName(),
                record.getLevel().getLocalizedName(),
                message,
                thrown);
    }
}
