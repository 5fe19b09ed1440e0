package com.klarefi.app;

import com.klarefi.platform.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per line ({@code KLAREFI_LOG_FORMAT=json}) for log shippers. Messages written as
 * {@code key=value} pairs (the access log, job logs) become fields of their own, so request id, org
 * id, route and status can be queried without parsing text.
 */
final class JsonLogFormatter extends Formatter {
    private static final Pattern PAIR = Pattern.compile("([a-z_]+)=(\\S+)");
    private static final Pattern ONLY_PAIRS = Pattern.compile("^([a-z_]+=\\S+)( [a-z_]+=\\S+)*$");

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        String message = formatMessage(record);
        if (message != null && ONLY_PAIRS.matcher(message).matches()) {
            Matcher pair = PAIR.matcher(message);
            while (pair.find()) {
                line.put(pair.group(1), pair.group(2));
            }
        } else {
            line.put("message", message);
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("error", record.getThrown().getClass().getName());
            line.put("stack", trace.toString());
        }
        return Json.writeString(line) + System.lineSeparator();
    }
}
