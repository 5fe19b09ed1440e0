package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.net.HostResolver;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds the fetcher behind {@link DocumentFetcher#create}. */
public final class Fetchers {
    private Fetchers() {}

    public static DocumentFetcher create(FetchSettings settings) {
        return create(settings, HostResolver.system());
    }

    static DocumentFetcher create(FetchSettings settings, HostResolver resolver) {
        return create(settings, resolver, List.of());
    }

    static DocumentFetcher create(FetchSettings settings, HostResolver resolver, List<X509Certificate> trusted) {
        try {
            return new GuardedFetcher(settings, resolver, trusted);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(FetchSettings.ALLOWED_CIDRS + ": " + e.getMessage());
        }
    }
}
