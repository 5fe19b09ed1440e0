package com.klarefi.auth.api;

import java.util.Optional;

/**
 * What an organisation shows of itself to its applicants: the name they know it by, a logo, where
 * its privacy note is and whom to ask for help.
 */
public record OrganisationProfile(
        String orgId,
        String name,
        Optional<String> displayName,
        Optional<String> privacyUrl,
        Optional<String> helpContact,
        Optional<String> logoMediaType) {

    /** The display name, or the organisation's name when it has none. */
    public String shownName() {
        return displayName.orElse(name);
    }

    public boolean hasLogo() {
        return logoMediaType.isPresent();
    }
}
