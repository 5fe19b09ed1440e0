package com.klarefi.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One readable line per event ({@code KLAREFI_LOG_FORMAT=text}): time with milliseconds and offset,
 * level, logger, message, then a stack trace if there is one. The same line as
 * {@code SimpleFormatter} with the pattern {@code %1$tFT%1$tT.%1$tL%1$tz %4$s %3$s %5$s%6$s%n},
 * without its cost: the pattern's four date conversions took a quarter of a small request's time,
 * and the access log writes a line for every request.
 */
final class TextLogFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx");

    private final ZoneId zone;

    TextLogFormatter() {
        this(ZoneId.systemDefault());
    }

    TextLogFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(192);
        TIME.formatTo(record.getInstant().atZone(zone), line);
        line.append(' ')
                .append(record.getLevel().getLocalizedName())
                .append(' ')
                .append(record.getLoggerName())
                .append(' ')
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            PrintWriter writer = new PrintWriter(trace);
            writer.println();
            record.getThrown().printStackTrace(writer);
            writer.close();
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
