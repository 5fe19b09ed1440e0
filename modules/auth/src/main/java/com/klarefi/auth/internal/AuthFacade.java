package com.klarefi.auth.internal;

import com.klarefi.auth.api.Auth;
import com.klarefi.auth.api.Operators;
import com.klarefi.auth.api.Organisations;
import com.klarefi.auth.internal.http.AuthHttpService;
import com.klarefi.platform.db.ChannelListener;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/** The auth module as other modules hold it: API keys, organisations and operators. */
public final class AuthFacade implements Auth {
    private final KeyCache cache;
    private final ChannelListener keyChanges;
    private final ApiKeyAuthenticator authenticator;
    private final OrganisationService organisations;
    private final AuthHttpService http;
    private final OperatorService operators;

    AuthFacade(
            KeyCache cache,
            ChannelListener keyChanges,
            ApiKeyAuthenticator authenticator,
            OrganisationService organisations,
            AuthHttpService http,
            OperatorService operators) {
        this.cache = cache;
        this.keyChanges = keyChanges;
        this.authenticator = authenticator;
        this.organisations = organisations;
        this.http = http;
        this.operators = operators;
    }

    public static Auth create(Platform platform, Duration refresh, OperatorPolicy policy) {
        return AuthWiring.assemble(platform, refresh, policy);
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
