package com.klarefi.app;

import java.util.logging.LogManager;

/**
 * java.util.logging closes its handlers in its own shutdown hook, which races ours and swallows
 * the lines that say how shutdown went. This manager defers that until our shutdown has finished.
 */
public final class ShutdownAwareLogManager extends LogManager {
    private volatile boolean released;

    @Override
    public void reset() {
        if (released || !shuttingDown()) {
            super.reset();
        }
    }

    /** Called once our own shutdown has logged its last line. */
    void release() {
        released = true;
        super.reset();
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static void releaseIfInstalled() {
        if (LogManager.getLogManager() instanceof ShutdownAwareLogManager manager) {
            manager.release();
        }
    }
}
