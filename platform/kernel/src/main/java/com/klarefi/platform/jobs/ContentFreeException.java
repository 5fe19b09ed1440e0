package com.klarefi.platform.jobs;

import java.sql.SQLException;

/**
 * A failure as it may be logged or stored in JobRunr's job history: the types, SQL states and stack
 * traces of the original chain, and none of its messages. Messages of database drivers and parsers
 * quote the data they failed on (pgjdbc puts a statement's bound values in its messages), and both
 * the log and the job history outlive a document's erasure.
 */
public final class ContentFreeException extends RuntimeException {
    private static final int MAX_CAUSES = 16;

    private ContentFreeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code context} is ours (ids and stage names only); of {@code failure} only its shape is kept. */
    public static ContentFreeException of(String context, Throwable failure) {
        ContentFreeException copy =
                new ContentFreeException(context + ": " + shape(failure), copyOf(failure.getCause(), 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static ContentFreeException copyOf(Throwable failure, int depth) {
        if (failure == null || depth > MAX_CAUSES) {
            return null;
        }
        ContentFreeException copy = new ContentFreeException(shape(failure), copyOf(failure.getCause(), depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String shape(Throwable failure) {
        String type = failure.getClass().getName();
        return failure instanceof SQLException sql && sql.getSQLState() != null
                ? type + " (SQL state " + sql.getSQLState() + ")"
                : type;
    }
}
