package com.klarefi.app;

import com.klarefi.platform.config.Settings;
import java.io.PrintStream;
import java.util.List;

/** {@code klarefi admin ...}: operators' commands. Modules add theirs as their capabilities land. */
final class AdminCommands {
    private AdminCommands() {
    }

    static int run(Settings settings, List<String> arguments, PrintStream out, PrintStream err) {
        String command = arguments.isEmpty() ? "help" : arguments.getFirst();
        if ("help".equals(command)) {
            out.println("usage: klarefi admin <command>\n\nNo admin commands are available in this version yet.");
            return 0;
        }
        err.println("klarefi admin: unknown command '" + command + "' (try 'klarefi admin help')");
        return 2;
    }
}
