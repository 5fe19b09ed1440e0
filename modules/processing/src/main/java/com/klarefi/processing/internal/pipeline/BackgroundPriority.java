package com.klarefi.processing.internal.pipeline;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Lowers the calling thread's scheduling priority on Linux (its nice value, which Linux keeps per
 * thread) through {@code setpriority(2)}. The JVM maps Java thread priorities to nothing on Linux
 * unless started with extra flags, so this calls the C library directly. Raising a priority needs
 * privileges; lowering it never does. Elsewhere, or where the call fails, the thread keeps its
 * priority: the work is the same, only HTTP answers under load are slower.
 */
final class BackgroundPriority {
    /**
     * Linux nice values run from -20 to 19; ten steps lower leaves a thread of the service's own
     * priority about nine tenths of a contended core.
     */
    static final int STEPS = 10;

    private static final int LOWEST = 19;
    private static final int PRIO_PROCESS = 0;
    private static final System.Logger LOG = System.getLogger(BackgroundPriority.class.getName());
    private static final Optional<MethodHandle> GET_PRIORITY = function(
            "getpriority", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final Optional<MethodHandle> SET_PRIORITY = function(
            "setpriority",
            FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private BackgroundPriority() {}

    /** Ten steps below the thread's current priority (relative: a service already started with nice stays below it). */
    static void lowerForThisThread() {
        if (GET_PRIORITY.isEmpty() || SET_PRIORITY.isEmpty()) {
            return;
        }
        try {
            // who = 0 with PRIO_PROCESS is the calling thread on Linux.
            int current = (int) GET_PRIORITY.get().invokeExact(PRIO_PROCESS, 0);
            int result = (int) SET_PRIORITY.get().invokeExact(PRIO_PROCESS, 0, Math.min(LOWEST, current + STEPS));
            if (result != 0) {
                LOG.log(System.Logger.Level.DEBUG, "setpriority refused to lower a document thread's priority");
            }
        } catch (Throwable e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "cannot lower a document thread's priority: " + e.getClass().getSimpleName());
        }
    }

    private static Optional<MethodHandle> function(String name, FunctionDescriptor descriptor) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "document threads keep their priority: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
