package com.klarefi.app;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The one entry point: {@code klarefi serve} runs the service, {@code klarefi admin ...} runs
 * operators' commands against the same database, {@code klarefi version} prints the version.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownAwareLogManager.class.getName());
        }
        List<String> arguments = new ArrayList<>(List.of(args));
        Optional<Path> configFile = takeOption(arguments, "--config").map(Path::of);
        String command = arguments.isEmpty() ? "serve" : arguments.removeFirst();
        try {
            Settings settings = Settings.load(System.getenv(), configFile);
            configureLogging(settings);
            int status = switch (command) {
                case "serve" -> serve(settings);
                case "admin" -> AdminCommands.run(settings, arguments, System.out, System.err);
                case "version", "--version" -> printVersion(System.out);
                case "help", "--help", "-h" -> printHelp(System.out);
                default -> {
                    System.err.println("klarefi: unknown command '" + command + "'");
                    printHelp(System.err);
                    yield 2;
                }
            };
            if (!"serve".equals(command)) {
                System.exit(status);
            }
        } catch (SettingsException e) {
            System.err.println("klarefi: configuration error: " + e.getMessage());
            System.exit(78);
        }
    }

    private static int serve(Settings settings) {
        KlarefiServer server;
        try {
            server = KlarefiServer.start(settings);
        } catch (SettingsException e) {
            throw e;
        } catch (RuntimeException e) {
            System.err.println("klarefi: cannot start: " + e.getMessage());
            System.exit(1);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            ShutdownAwareLogManager.releaseIfInstalled();
                            stopped.countDown();
                        },
                        "klarefi-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Optional<String> takeOption(List<String> arguments, String name) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals(name) && i + 1 < arguments.size()) {
                String value = arguments.get(i + 1);
                arguments.remove(i + 1);
                arguments.remove(i);
                return Optional.of(value);
            }
            if (argument.startsWith(name + "=")) {
                arguments.remove(i);
                return Optional.of(argument.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static int printVersion(PrintStream out) {
        out.println("klarefi " + version());
        return 0;
    }

    private static int printHelp(PrintStream out) {
        out.println("""
                usage: klarefi [--config FILE] <command>

                commands:
                  serve              run the service (the default)
                  admin <command>    operators' commands; 'klarefi admin help' lists them
                  version            print the version

                Settings come from the built-in defaults, the config file (--config or
                KLAREFI_CONFIG_FILE) and KLAREFI_* environment variables; see
                ops/config-reference.md.""");
        return 0;
    }

    /** Our logging format unless the operator points java.util.logging at their own file. */
    private static void configureLogging(Settings settings) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/klarefi-logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("klarefi: cannot read the built-in logging configuration: " + e.getMessage());
        }
        String format = settings.required("KLAREFI_LOG_FORMAT");
        switch (format) {
            case "json" -> {
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    handler.setFormatter(new JsonLogFormatter());
                }
            }
            case "text" -> {
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    handler.setFormatter(new TextLogFormatter());
                }
            }
            default -> throw new SettingsException("KLAREFI_LOG_FORMAT must be text or json, got '" + format + "'");
        }
    }
}
