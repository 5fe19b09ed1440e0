package com.klarefi.app.intake;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the test JVM while open, as the text a log file would get (message,
 * parameters, stack trace): our own loggers at every level, libraries at the levels the product
 * configures.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final List<Logger> ours = List.of(Logger.getLogger("com.klarefi"), Logger.getLogger("klarefi"));

    private LogCapture() {}

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        capture.ours.forEach(logger -> logger.setLevel(Level.ALL));
        return capture;
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        StringWriter text = new StringWriter();
        text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(String.valueOf(parameter));
            }
        }
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        ours.forEach(logger -> logger.setLevel(null));
    }
}
