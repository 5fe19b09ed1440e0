package com.klarefi.platform.config;

/** A setting is missing or malformed; the message names the setting so an operator can fix it. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
