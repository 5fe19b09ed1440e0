package com.klarefi.platform.config;

/**
 * How this instance treats secrets. {@code EMBEDDED} generates what it lacks and keeps it in the
 * data directory, so a first start needs no configuration; {@code PRODUCTION} requires every
 * secret explicitly and fails fast, naming the one that is missing.
 */
public enum Mode {
    EMBEDDED,
    PRODUCTION;

    static final String SETTING = "KLAREFI_MODE";

    /** {@code auto} means production when an external database is configured, embedded otherwise. */
    public static Mode of(Settings settings) {
        String raw = settings.optional(SETTING).orElse("auto").toLowerCase();
        return switch (raw) {
            case "auto" -> settings.optional("KLAREFI_DB_URL").isPresent() ? PRODUCTION : EMBEDDED;
            case "embedded" -> EMBEDDED;
            case "production" -> PRODUCTION;
            default ->
                throw new SettingsException(SETTING + " must be auto, embedded or production, got '" + raw + "'");
        };
    }
}
