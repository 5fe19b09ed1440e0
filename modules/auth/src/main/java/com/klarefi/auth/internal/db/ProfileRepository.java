package com.klarefi.auth.internal.db;

import com.klarefi.auth.api.OrganisationLogo;
import com.klarefi.auth.api.OrganisationProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The profile columns of {@code auth.organisations}: display name, privacy note, help contact and logo. */
public final class ProfileRepository {
    private final Jdbi jdbi;

    public ProfileRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<OrganisationProfile> profile(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, name, display_name, privacy_url, help_contact, logo_media_type
                          FROM auth.organisations WHERE id = :id""")
                .bind("id", orgId)
                .map((rows, context) -> profile(rows))
                .findOne());
    }

    public Optional<OrganisationLogo> logo(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT logo_media_type, logo FROM auth.organisations WHERE id = :id AND logo IS NOT NULL""")
                .bind("id", orgId)
                .map((rows, context) -> new OrganisationLogo(rows.getString("logo_media_type"), rows.getBytes("logo")))
                .findOne());
    }

    /** Returns whether the organisation exists. */
    public boolean updateTexts(
            String orgId, Optional<String> displayName, Optional<String> privacyUrl, Optional<String> helpContact) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE auth.organisations SET display_name = :name, privacy_url = :privacy, help_contact = :help
                         WHERE id = :id""")
                        .bind("id", orgId)
                        .bind("name", displayName.orElse(null))
                        .bind("privacy", privacyUrl.orElse(null))
                        .bind("help", helpContact.orElse(null))
                        .execute())
                == 1;
    }

    /** Returns whether the organisation exists. */
    public boolean setLogo(String orgId, String mediaType, byte[] image) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE auth.organisations SET logo = :logo, logo_media_type = :type WHERE id = :id""")
                        .bind("id", orgId)
                        .bind("logo", image)
                        .bind("type", mediaType)
                        .execute())
                == 1;
    }

    /** Returns whether the organisation exists. */
    public boolean removeLogo(String orgId) {
        return jdbi.withHandle(
                        handle -> handle.createUpdate("""
                        UPDATE auth.organisations SET logo = NULL, logo_media_type = NULL WHERE id = :id""").bind("id", orgId).execute())
                == 1;
    }

    private static OrganisationProfile profile(ResultSet rows) throws SQLException {
        return new OrganisationProfile(
                rows.getString("id"),
                rows.getString("name"),
                Optional.ofNullable(rows.getString("display_name")),
                Optional.ofNullable(rows.getString("privacy_url")),
                Optional.ofNullable(rows.getString("help_contact")),
                Optional.ofNullable(rows.getString("logo_media_type")));
    }
}
