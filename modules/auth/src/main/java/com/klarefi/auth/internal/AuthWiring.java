package com.klarefi.auth.internal;

import com.klarefi.auth.api.Auth;
import com.klarefi.auth.internal.db.AuthRepository;
import com.klarefi.auth.internal.db.OperatorRepository;
import com.klarefi.auth.internal.db.ProfileRepository;
import com.klarefi.auth.internal.http.AuthHttpService;
import com.klarefi.platform.db.ChannelListener;
import com.klarefi.platform.module.Platform;
import java.time.Duration;

/** Builds the auth module's parts from the platform; {@link AuthFacade} is what others hold. */
final class AuthWiring {
    private AuthWiring() {}

    static Auth assemble(Platform platform, Duration refresh, OperatorPolicy policy) {
        AuthRepository repository = new AuthRepository(platform.database().jdbi());
        KeyCache cache = new KeyCache(repository, platform.clock(), refresh);
        // A change to a key is notified as it commits (a trigger on auth.api_keys); every instance
        // drops the key at once, and the cache's poll catches what a reconnecting listener missed.
        ChannelListener keyChanges = platform.database().listen(AuthRepository.KEY_CHANGES_CHANNEL, cache::forget);
        OrganisationService organisations = new OrganisationService(
                repository,
                cache,
                platform.clock(),
                new ProfileService(new ProfileRepository(platform.database().jdbi())));
        OperatorService operators = new OperatorService(
                new OperatorRepository(platform.database().jdbi()),
                new PasswordHasher(PasswordHasher.ITERATIONS),
                policy,
                platform.clock());
        return new AuthFacade(
                cache,
                keyChanges,
                new ApiKeyAuthenticator(cache, repository, platform.clock()),
                organisations,
                new AuthHttpService(organisations, platform.jsonBodies(), platform.clock()),
                operators);
    }
}
