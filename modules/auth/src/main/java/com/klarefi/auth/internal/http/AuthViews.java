package com.klarefi.auth.internal.http;

import com.klarefi.auth.api.CreatedKey;
import com.klarefi.auth.api.CreatedOrganisation;
import com.klarefi.auth.api.KeySummary;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.OrganisationProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of organisations and keys on the admin API and in admin commands. */
public final class AuthViews {
    private AuthViews() {}

    public static Map<String, Object> organisation(Organisation organisation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("org_id", organisation.orgId());
        view.put("name", organisation.name());
        view.put("created_at", organisation.createdAt().toString());
        return view;
    }

    /** One organisation with what it shows its applicants; the parts it has not set are left out. */
    public static Map<String, Object> organisation(Organisation organisation, OrganisationProfile profile) {
        Map<String, Object> view = organisation(organisation);
        view.put("display_name", profile.displayName().orElse(null));
        view.put("privacy_url", profile.privacyUrl().orElse(null));
        view.put("help_contact", profile.helpContact().orElse(null));
        view.put("logo_media_type", profile.logoMediaType().orElse(null));
        return view;
    }

    /** {@code {"org_id", "keys": {"test": "sk_test_...", "live": "sk_live_..."}}} plus details. */
    public static Map<String, Object> created(CreatedOrganisation created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("org_id", created.orgId());
        view.put("name", created.name());
        view.put("created_at", created.createdAt().toString());
        view.put(
                "keys",
                Map.of(
                        "test",
                        created.testKey().secret(),
                        "live",
                        created.liveKey().secret()));
        view.put(
                "key_ids",
                Map.of(
                        "test",
                        created.testKey().summary().keyId(),
                        "live",
                        created.liveKey().summary().keyId()));
        return view;
    }

    public static Map<String, Object> key(KeySummary key, Instant now) {
        return key.view(now);
    }

    /** A new key: the only response that ever contains the secret. */
    public static Map<String, Object> createdKey(CreatedKey created, Instant now) {
        Map<String, Object> view = key(created.summary(), now);
        view.put("secret", created.secret());
        return view;
    }
}
