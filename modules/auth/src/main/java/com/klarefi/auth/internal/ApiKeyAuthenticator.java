package com.klarefi.auth.internal;

import com.klarefi.auth.internal.db.AuthRepository;
import com.klarefi.auth.internal.db.AuthRepository.KeyRecord;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.util.Optional;

/** Turns {@code Authorization: Bearer sk_...} into a {@link Caller}, or a 401 that says why not. */
final class ApiKeyAuthenticator {
    private final KeyCache cache;
    private final AuthRepository repository;
    private final Clock clock;

    ApiKeyAuthenticator(KeyCache cache, AuthRepository repository, Clock clock) {
        this.cache = cache;
        this.repository = repository;
        this.clock = clock;
    }

    Caller authenticate(ServerRequest request) {
        String key = BearerTokens.from(request, "missing_api_key", "API key");
        Optional<Environment> environment = Secrets.environmentOf(key);
        if (environment.isEmpty()) {
            throw unknown();
        }
        KeyRecord record = cache.lookup(Secrets.hash(key)).orElseThrow(ApiKeyAuthenticator::unknown);
        if (record.revokedAt().isPresent()) {
            throw ApiException.authentication("revoked_api_key", "This API key was revoked. Use an active key.");
        }
        if (record.expiresAt().isPresent() && !record.expiresAt().get().isAfter(clock.instant())) {
            throw ApiException.authentication(
                    "expired_api_key",
                    "This API key was rolled and its grace period has ended. Use the key that replaced it.");
        }
        Caller caller = new Caller(record.orgId(), record.environment(), record.keyId());
        Caller.attach(request, caller);
        return caller;
    }

    void authenticateAdmin(ServerRequest request) {
        String token = BearerTokens.from(request, "missing_admin_token", "admin token");
        if (!token.startsWith(Secrets.ADMIN_PREFIX) || !repository.adminTokenIsValid(Secrets.hash(token))) {
            throw ApiException.authentication(
                    "unknown_admin_token",
                    "The admin token is not recognised. Create one with 'klarefi admin create-admin-token'.");
        }
    }

    private static ApiException unknown() {
        return ApiException.authentication(
                "unknown_api_key",
                "The API key is not recognised. Keys look like sk_test_... or sk_live_... and are shown once, at creation.");
    }
}
