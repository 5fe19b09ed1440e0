package com.klarefi.auth.internal;

import com.klarefi.auth.api.CreatedKey;
import com.klarefi.auth.api.CreatedOrganisation;
import com.klarefi.auth.api.KeySummary;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.OrganisationLogo;
import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.auth.api.Organisations;
import com.klarefi.auth.internal.db.AuthRepository;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Operators' management of organisations and keys. */
final class OrganisationService implements Organisations {
    private final AuthRepository repository;
    private final KeyCache cache;
    private final Clock clock;
    private final ProfileService profiles;

    OrganisationService(AuthRepository repository, KeyCache cache, Clock clock, ProfileService profiles) {
        this.repository = repository;
        this.profiles = profiles;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public CreatedOrganisation create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw ApiException.validation("invalid_name", "An organisation needs a name of 1-200 characters.")
                    .withDetail("param", "name");
        }
        Instant now = now();
        return repository.inTransaction(tx -> {
            Organisation organisation = repository.insertOrganisation(tx, Ids.newId("org"), trimmed, now);
            CreatedKey test = insertKey(tx, organisation.orgId(), Environment.TEST, now);
            CreatedKey live = insertKey(tx, organisation.orgId(), Environment.LIVE, now);
            return new CreatedOrganisation(organisation.orgId(), organisation.name(), now, test, live);
        });
    }

    @Override
    public List<Organisation> list() {
        return repository.organisations();
    }

    @Override
    public Optional<Organisation> find(String orgId) {
        return repository.organisation(orgId);
    }

    @Override
    public Optional<OrganisationProfile> profile(String orgId) {
        return profiles.profile(orgId);
    }

    @Override
    public Optional<OrganisationLogo> logo(String orgId) {
        return profiles.logo(orgId);
    }

    @Override
    public OrganisationProfile updateProfile(String orgId, String displayName, String privacyUrl, String helpContact) {
        return profiles.update(orgId, displayName, privacyUrl, helpContact);
    }

    @Override
    public OrganisationProfile putLogo(String orgId, byte[] image) {
        return profiles.putLogo(orgId, image);
    }

    @Override
    public OrganisationProfile removeLogo(String orgId) {
        return profiles.removeLogo(orgId);
    }

    @Override
    public CreatedKey createKey(String orgId, Environment environment) {
        requireOrganisation(orgId);
        return repository.inTransaction(tx -> insertKey(tx, orgId, environment, now()));
    }

    @Override
    public List<KeySummary> listKeys(String orgId) {
        requireOrganisation(orgId);
        return repository.keysOf(orgId);
    }

    @Override
    public KeySummary revoke(String keyId) {
        requireKey(keyId);
        // The watcher tells the cache within a refresh interval; on this instance it is at once.
        repository.revoke(keyId, now()).ifPresent(cache::forget);
        return requireKey(keyId);
    }

    @Override
    public CreatedKey roll(String keyId, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_ROLL_GRACE) > 0) {
            throw ApiException.validation(
                            "invalid_grace_period",
                            "The grace period must be between 0 and " + MAX_ROLL_GRACE.toHours() + " hours.")
                    .withDetail("param", "grace_hours");
        }
        KeySummary old = requireKey(keyId);
        if (old.revokedAt().isPresent()) {
            throw ApiException.validation("key_revoked", "A revoked key cannot be rolled; create a new key instead.");
        }
        Instant now = now();
        CreatedKey replacement = repository.inTransaction(tx -> {
            CreatedKey created = insertKey(tx, old.orgId(), old.environment(), now);
            repository.markReplaced(tx, keyId, created.summary().keyId(), now.plus(grace));
            return created;
        });
        return replacement;
    }

    @Override
    public Optional<KeySummary> findKey(String keyId) {
        return repository.key(keyId);
    }

    @Override
    public String createAdminToken(String description) {
        String token = Secrets.newAdminToken();
        repository.insertAdminToken(
                Ids.newId("adm"),
                Secrets.hash(token),
                description == null || description.isBlank() ? "admin token" : description.strip(),
                now());
        return token;
    }

    private CreatedKey insertKey(Tx tx, String orgId, Environment environment, Instant now) {
        String secret = Secrets.newApiKey(environment);
        String hash = Secrets.hash(secret);
        cache.forget(hash);
        KeySummary summary =
                repository.insertKey(tx, Ids.newId("key"), orgId, environment, hash, Secrets.last4(secret), now);
        return new CreatedKey(summary, secret);
    }

    private void requireOrganisation(String orgId) {
        if (repository.organisation(orgId).isEmpty()) {
            throw ApiException.notFound("organisation_not_found", "No organisation " + orgId + ".");
        }
    }

    private KeySummary requireKey(String keyId) {
        return repository
                .key(keyId)
                .orElseThrow(() -> ApiException.notFound("key_not_found", "No API key " + keyId + "."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
