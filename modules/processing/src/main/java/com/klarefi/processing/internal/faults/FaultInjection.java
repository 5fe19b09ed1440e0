package com.klarefi.processing.internal.faults;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Crash testing only ({@code KLAREFI_FAULT_INJECTION}): halts the JVM at one exact point of the
 * intake, as SIGKILL would, so a test can prove that an accepted document survives a crash there.
 * {@code Runtime.halt} skips shutdown hooks and every finally block, which is the point: nothing
 * gets a chance to tidy up. Off unless the setting names a point.
 */
public final class FaultInjection {
    public static final String SETTING = "KLAREFI_FAULT_INJECTION";
    /** The exit status a process killed by SIGKILL reports (128 + 9). */
    static final int KILLED_STATUS = 137;

    /** Where the process may be halted. */
    public enum Point {
        /** The 201 of {@code POST /process} has been sent; the job is not enqueued yet. */
        HALT_AFTER_ACCEPT("halt-after-accept"),
        /** The job has stored the document's bytes; its pages and events are not written yet. */
        HALT_IN_JOB("halt-in-job");

        private final String settingValue;

        Point(String settingValue) {
            this.settingValue = settingValue;
        }

        public String settingValue() {
            return settingValue;
        }
    }

    private final Optional<Point> armed;
    private final Halt halt;

    FaultInjection(Optional<Point> armed, Halt halt) {
        this.armed = armed;
        this.halt = halt;
    }

    /** Reads {@value #SETTING}; empty means off, an unknown value stops the start. */
    public static FaultInjection from(Settings settings) {
        Optional<Point> point = settings.optional(SETTING).map(value -> parse(value.toLowerCase(Locale.ROOT)));
        return new FaultInjection(point, status -> Runtime.getRuntime().halt(status));
    }

    public Optional<Point> armed() {
        return armed;
    }

    /** Halts the process if this is the armed point; otherwise does nothing. */
    public void at(Point point) {
        if (armed.filter(point::equals).isPresent()) {
            halt.halt(KILLED_STATUS);
        }
    }

    private static Point parse(String value) {
        return Arrays.stream(Point.values())
                .filter(point -> point.settingValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new SettingsException(SETTING + " must be empty (off), 'halt-after-accept' or "
                        + "'halt-in-job', got '" + value + "'"));
    }

    /** Stops the process; tests replace it so that they can observe the point instead of dying. */
    @FunctionalInterface
    interface Halt {
        void halt(int status);
    }
}
