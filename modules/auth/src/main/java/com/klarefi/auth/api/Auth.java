package com.klarefi.auth.api;

import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.KlarefiModule;
import io.helidon.webserver.http.ServerRequest;

/**
 * Authentication of API keys ({@code Authorization: Bearer sk_test_...}) and admin tokens, and the
 * operators' management of organisations and keys.
 */
public interface Auth extends KlarefiModule, AutoCloseable {
    /** The caller behind the request's API key, or a 401 {@code authentication_error}. */
    Caller authenticate(ServerRequest request);

    /** Passes when the request carries a valid admin token, else a 401. */
    void authenticateAdmin(ServerRequest request);

    Organisations organisations();

    /** Dashboard accounts and their sessions. */
    Operators operators();

    @Override
    void close();
}
