package com.klarefi.auth.api;

import com.klarefi.platform.http.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Operators' work on organisations, API keys and admin tokens (admin API and admin commands). */
public interface Organisations {
    /** Keys rolled without a stated grace period stay valid this long. */
    Duration DEFAULT_ROLL_GRACE = Duration.ofHours(24);
    Duration MAX_ROLL_GRACE = Duration.ofDays(7);

    CreatedOrganisation create(String name);

    List<Organisation> list();

    Optional<Organisation> find(String orgId);

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
