package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.config.SettingsException;
import com.klarefi.processing.api.DocumentFetcher;
import com.klarefi.processing.api.FetchSettings;

/** Builds the fetcher behind {@link DocumentFetcher#create}. */
public final class Fetchers {
    private Fetchers() {
    }

    public static DocumentFetcher create(FetchSettings settings) {
        return create(settings, HostResolver.system());
    }

    static DocumentFetcher create(FetchSettings settings, HostResolver resolver) {
        try {
            return new GuardedFetcher(settings, resolver);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(FetchSettings.ALLOWED_CIDRS + ": " + e.getMessage());
        }
    }
}
