package com.klarefi.auth.api;

import com.klarefi.platform.http.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Operators' work on organisations, API keys and admin tokens (admin API and admin commands). */
public interface Organisations extends OrganisationProfiles {
    /** The largest logo accepted. */
    int MAX_LOGO_BYTES = 256 * 1024;

    /** Keys rolled without a stated grace period stay valid this long. */
    Duration DEFAULT_ROLL_GRACE = Duration.ofHours(24);

    Duration MAX_ROLL_GRACE = Duration.ofDays(7);

    CreatedOrganisation create(String name);

    List<Organisation> list();

    Optional<Organisation> find(String orgId);

    /**
     * Sets what applicants see; a blank value clears it. A refused value is a 400 whose detail
     * {@code param} names it ({@code display_name}, {@code privacy_url}, {@code help_contact}).
     */
    OrganisationProfile updateProfile(String orgId, String displayName, String privacyUrl, String helpContact);

    /** A PNG or JPEG of at most {@link #MAX_LOGO_BYTES}; anything else is a 400 {@code invalid_logo} (param {@code logo}). */
    OrganisationProfile putLogo(String orgId, byte[] image);

    OrganisationProfile removeLogo(String orgId);

    CreatedKey createKey(String orgId, Environment environment);

    List<KeySummary> listKeys(String orgId);

    /** Revokes at once; every instance refuses the key within seconds. */
    KeySummary revoke(String keyId);

    /** A new key for the same org and environment; the old one keeps working for {@code grace}. */
    CreatedKey roll(String keyId, Duration grace);

    Optional<KeySummary> findKey(String keyId);

    /** A token for the admin API, shown once; only its hash is kept. */
    String createAdminToken(String description);
}
