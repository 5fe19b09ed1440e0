package com.klarefi.auth.internal;

import com.klarefi.auth.api.OrganisationLogo;
import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.auth.api.OrganisationProfiles;
import com.klarefi.auth.api.Organisations;
import com.klarefi.auth.internal.db.ProfileRepository;
import com.klarefi.platform.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What organisations show their applicants, checked before it is stored: the page that shows it
 * asks for an IBAN, so a privacy link must be a real web address and a logo a real image.
 */
final class ProfileService implements OrganisationProfiles {
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 2000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final ProfileRepository repository;

    ProfileService(ProfileRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<OrganisationProfile> profile(String orgId) {
        return repository.profile(orgId);
    }

    @Override
    public Optional<OrganisationLogo> logo(String orgId) {
        return repository.logo(orgId);
    }

    OrganisationProfile update(String orgId, String displayName, String privacyUrl, String helpContact) {
        Optional<String> name = text(displayName, "display_name", "The display name");
        Optional<String> privacy = webAddress(privacyUrl);
        Optional<String> help = text(helpContact, "help_contact", "The help contact");
        exists(orgId, repository.updateTexts(orgId, name, privacy, help));
        return profile(orgId).orElseThrow();
    }

    OrganisationProfile putLogo(String orgId, byte[] image) {
        exists(orgId, repository.setLogo(orgId, mediaType(image), image));
        return profile(orgId).orElseThrow();
    }

    OrganisationProfile removeLogo(String orgId) {
        exists(orgId, repository.removeLogo(orgId));
        return profile(orgId).orElseThrow();
    }

    /** PNG or JPEG by their first bytes, whatever the upload claimed. */
    static String mediaType(byte[] image) {
        if (image == null || image.length == 0) {
            throw invalidLogo("Choose a logo file to upload.");
        }
        if (image.length > Organisations.MAX_LOGO_BYTES) {
            throw invalidLogo("The logo is larger than " + Organisations.MAX_LOGO_BYTES / 1024 + " KB.");
        }
        if (startsWith(image, PNG)) {
            return "image/png";
        }
        if (startsWith(image, JPEG)) {
            return "image/jpeg";
        }
        throw invalidLogo("The logo must be a PNG or JPEG image.");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static ApiException invalidLogo(String message) {
        return ApiException.validation("invalid_logo", message).withDetail("param", "logo");
    }

    private static Optional<String> text(String value, String param, String label) {
        Optional<String> stripped =
                Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
        if (stripped.isPresent()
                && (stripped.get().length() > MAX_TEXT || stripped.get().chars().anyMatch(Character::isISOControl))) {
            throw ApiException.validation(
                            "invalid_" + param, label + " must be one line of at most " + MAX_TEXT + " characters.")
                    .withDetail("param", param);
        }
        return stripped;
    }

    /** An absolute https (or http) address with a host; anything a browser would run or read locally is refused. */
    static Optional<String> webAddress(String value) {
        Optional<String> stripped =
                Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
        if (stripped.isEmpty()) {
            return stripped;
        }
        ApiException refused = ApiException.validation(
                        "invalid_privacy_url",
                        "The privacy note must be a web address starting with https:// (or http://).")
                .withDetail("param", "privacy_url");
        if (stripped.get().length() > MAX_URL) {
            throw refused;
        }
        try {
            URI uri = new URI(stripped.get());
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw refused;
            }
            return stripped;
        } catch (URISyntaxException e) {
            throw refused;
        }
    }

    private static void exists(String orgId, boolean found) {
        if (!found) {
            throw ApiException.notFound("organisation_not_found", "There is no organisation " + orgId + ".");
        }
    }
}
