package com.klarefi.auth.internal;

import com.klarefi.auth.api.LoginOutcome;
import com.klarefi.auth.api.Operator;
import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.Operators;
import com.klarefi.auth.internal.db.OperatorRepository;
import com.klarefi.auth.internal.db.OperatorRepository.Credentials;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.ids.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Operators' accounts, sign-in with lockout, and server-side sessions. */
final class OperatorService implements Operators {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String SESSION_PREFIX = "kds_";
    /** Verified when the e-mail is unknown, so a refusal takes as long whichever part was wrong. */
    private static final String NO_SUCH_OPERATOR = "pbkdf2_sha256$" + PasswordHasher.ITERATIONS
            + "$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final OperatorRepository repository;
    private final PasswordHasher hasher;
    private final OperatorPolicy policy;
    private final Clock clock;

    OperatorService(OperatorRepository repository, PasswordHasher hasher, OperatorPolicy policy, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Operator create(String email, String password) {
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw ApiException.validation(
                            "invalid_email", "An operator needs an e-mail address such as ops@example.com.")
                    .withDetail("param", "email");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.validation(
                            "weak_password", "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.")
                    .withDetail("param", "password");
        }
        Instant now = now();
        String id = Ids.newId("opr");
        if (!repository.insert(id, address, hasher.hash(password), now)) {
            throw ApiException.of(
                    409, ErrorTypes.VALIDATION, "operator_exists", "An operator with this e-mail exists already.");
        }
        return new Operator(id, address, now);
    }

    @Override
    public LoginOutcome logIn(String email, String password) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String attempt = password == null ? "" : password;
        Instant now = now();
        Instant windowStart = now.minus(policy.lockoutWindow());
        return repository.inTransaction(tx -> {
            repository.lockEmail(tx, key);
            List<Instant> failures = repository.failuresSince(tx, key, windowStart);
            if (failures.size() >= policy.lockoutFailures()) {
                return new LoginOutcome.LockedOut(
                        failures.get(failures.size() - policy.lockoutFailures()).plus(policy.lockoutWindow()));
            }
            Optional<Credentials> credentials = repository.credentials(tx, key);
            boolean matches = hasher.matches(
                    attempt, credentials.map(Credentials::passwordHash).orElse(NO_SUCH_OPERATOR));
            if (!matches || credentials.isEmpty()) {
                repository.recordFailure(tx, key, now, windowStart);
                return new LoginOutcome.Refused();
            }
            repository.clearFailures(tx, key);
            String token = SESSION_PREFIX + Ids.randomToken(Secrets.RANDOM_CHARACTERS);
            String csrf = Ids.randomToken(32);
            Instant expires = now.plus(policy.maxAge());
            Operator operator = credentials.get().operator();
            repository.insertSession(tx, Secrets.hash(token), operator.operatorId(), csrf, now, expires);
            return new LoginOutcome.LoggedIn(
                    new OperatorSession(operator.operatorId(), operator.email(), csrf, expires), token);
        });
    }

    @Override
    public Optional<OperatorSession> session(String token) {
        if (token == null || !token.startsWith(SESSION_PREFIX)) {
            return Optional.empty();
        }
        Instant now = now();
        return repository
                .touchSession(Secrets.hash(token), now, now.minus(policy.idleTimeout()))
                .map(row -> new OperatorSession(row.operatorId(), row.email(), row.csrfToken(), row.expiresAt()));
    }

    @Override
    public void logOut(String token) {
        if (token != null && token.startsWith(SESSION_PREFIX)) {
            repository.deleteSession(Secrets.hash(token));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
