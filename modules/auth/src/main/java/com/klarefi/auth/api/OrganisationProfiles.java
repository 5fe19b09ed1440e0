package com.klarefi.auth.api;

import java.util.Optional;

/** Reading what organisations show of themselves to applicants (the intake page does). */
public interface OrganisationProfiles {
    Optional<OrganisationProfile> profile(String orgId);

    Optional<OrganisationLogo> logo(String orgId);
}
