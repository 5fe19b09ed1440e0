package com.klarefi.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Klarefi's settings, in three layers: defaults shipped inside the artifact
 * ({@code klarefi-defaults.properties}), an optional config file ({@code KLAREFI_CONFIG_FILE} or
 * {@code --config}), and environment variables. Later layers win. Every setting has one name, the
 * environment variable's ({@code KLAREFI_HTTP_PORT}), in all three layers, so an operator's
 * systemd {@code EnvironmentFile} and our config file are the same format.
 */
public final class Settings {
    public static final String PREFIX = "KLAREFI_";
    public static final String CONFIG_FILE = "KLAREFI_CONFIG_FILE";
    private static final String DEFAULTS_RESOURCE = "/klarefi-defaults.properties";

    private final Map<String, String> values;
    private final Set<String> known;

    private Settings(Map<String, String> values, Set<String> known) {
        this.values = Collections.unmodifiableMap(values);
        this.known = Collections.unmodifiableSet(known);
    }

    /** Reads defaults, then the config file (if any), then the given environment. */
    public static Settings load(Map<String, String> environment, Optional<Path> configFile) {
        Map<String, String> defaults = readDefaults();
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        Optional<Path> file = configFile.or(() -> Optional.ofNullable(environment.get(CONFIG_FILE))
                .filter(value -> !value.isBlank())
                .map(Path::of));
        file.ifPresent(path -> merged.putAll(readFile(path, defaults.keySet())));
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !name.equals(CONFIG_FILE)) {
                merged.put(name, value);
            }
        });
        return new Settings(merged, defaults.keySet());
    }

    /** Settings made only of the shipped defaults plus the given overrides: for tests and tools. */
    public static Settings of(Map<String, String> overrides) {
        Map<String, String> defaults = readDefaults();
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        return new Settings(merged, defaults.keySet());
    }

    /** A copy with some values replaced. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new Settings(merged, known);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new SettingsException(name + " is required but not set"));
    }

    public int integer(String name) {
        String raw = required(name);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a whole number, got '" + raw + "'");
        }
    }

    public int port(String name) {
        int port = integer(name);
        if (port < 0 || port > 65_535) {
            throw new SettingsException(name + " must be a port between 0 and 65535, got " + port);
        }
        return port;
    }

    public long bytes(String name) {
        String raw = required(name);
        try {
            long value = Long.parseLong(raw);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a positive number of bytes, got '" + raw + "'");
        }
    }

    public boolean flag(String name) {
        String raw = required(name).toLowerCase();
        return switch (raw) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(name + " must be true or false, got '" + raw + "'");
        };
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(integer(name));
    }

    /** Names of every setting the artifact knows, for documentation checks. */
    public Set<String> knownNames() {
        return new TreeSet<>(known);
    }

    private static Map<String, String> readDefaults() {
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("klarefi-defaults.properties is missing from the artifact");
            }
            return toMap(in, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in defaults", e);
        }
    }

    private static Map<String, String> readFile(Path path, Set<String> known) {
        if (!Files.isRegularFile(path)) {
            throw new SettingsException(CONFIG_FILE + " points at " + path + ", which is not a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            Map<String, String> read = toMap(in, path);
            for (String name : read.keySet()) {
                if (!known.contains(name)) {
                    throw new SettingsException("config file " + path + " sets unknown setting " + name
                            + " (see ops/config-reference.md for the names)");
                }
            }
            return read;
        } catch (IOException e) {
            throw new SettingsException("cannot read config file " + path + ": " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(InputStream in, Path source) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = stripQuotes(properties.getProperty(name).trim());
            if (source != null && !name.startsWith(PREFIX)) {
                throw new SettingsException(
                        "config file " + source + " has '" + name + "'; every setting starts with " + PREFIX);
            }
            map.put(name, value);
        }
        return map;
    }

    /** systemd EnvironmentFile values may be quoted; accept both forms. */
    private static String stripQuotes(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
