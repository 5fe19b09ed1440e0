package com.klarefi.auth.internal;

import com.klarefi.auth.api.Auth;
import com.klarefi.auth.api.Operators;
import com.klarefi.auth.api.Organisations;
import com.klarefi.auth.internal.db.AuthRepository;
import com.klarefi.auth.internal.db.ProfileRepository;
import com.klarefi.auth.internal.db.OperatorRepository;
import com.klarefi.auth.internal.http.AuthHttpService;
import com.klarefi.platform.db.ChannelListener;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/** The auth module as the composition root sees it. */
public final class AuthWiring implements Auth {
    private final KeyCache cache;
    private final ChannelListener keyChanges;
    private final ApiKeyAuthenticator authenticator;
    private final OrganisationService organisations;
    private final AuthHttpService http;
    private final OperatorService operators;

    private AuthWiring(KeyCache cache, ChannelListener keyChanges, ApiKeyAuthenticator authenticator,
                       OrganisationService organisations, AuthHttpService http, OperatorService operators) {
        this.cache = cache;
        this.keyChanges = keyChanges;
        this.authenticator = authenticator;
        this.organisations = organisations;
        this.http = http;
        this.operators = operators;
    }

    public static Auth create(Platform platform, Duration refresh, OperatorPolicy policy) {
        AuthRepository repository = new AuthRepository(platform.database().jdbi());
        KeyCache cache = new KeyCache(repository, platform.clock(), refresh);
        // A change to a key is notified as it commits (a trigger on auth.api_keys); every instance
        // drops the key at once, and the cache's poll catches what a reconnecting listener missed.
        ChannelListener keyChanges = platform.database().listen(AuthRepository.KEY_CHANGES_CHANNEL, cache::forget);
        OrganisationService organisations = new OrganisationService(repository, cache, platform.clock(),
                new ProfileService(new ProfileRepository(platform.database().jdbi())));
        OperatorService operators = new OperatorService(new OperatorRepository(platform.database().jdbi()),
                new PasswordHasher(PasswordHasher.ITERATIONS), policy, platform.clock());
        return new AuthWiring(cache, keyChanges, new ApiKeyAuthenticator(cache, repository, platform.clock()), organisations,
                new AuthHttpService(organisations, platform.jsonBodies(), platform.clock()), operators);
    }

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        http.apiRoutes(routes);
    }

    @Override
    public void adminRoutes(ApiRoutes routes) {
        http.adminRoutes(routes);
    }

    @Override
    public Caller authenticate(ServerRequest request) {
        return authenticator.authenticate(request);
    }

    @Override
    public void authenticateAdmin(ServerRequest request) {
        authenticator.authenticateAdmin(request);
    }

    @Override
    public Organisations organisations() {
        return organisations;
    }

    @Override
    public Operators operators() {
        return operators;
    }

    @Override
    public void close() {
        keyChanges.close();
        cache.close();
    }
}
