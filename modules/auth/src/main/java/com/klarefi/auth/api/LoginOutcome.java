package com.klarefi.auth.api;

import java.time.Instant;

/** How a sign-in ended. A refusal never says whether the e-mail or the password was wrong. */
public sealed interface LoginOutcome {
    /** Signed in; {@code token} goes into the session cookie and exists nowhere else. */
    record LoggedIn(OperatorSession session, String token) implements LoginOutcome {}

    record Refused() implements LoginOutcome {}

    /** Too many failures for this e-mail lately; even the right password is refused until {@code until}. */
    record LockedOut(Instant until) implements LoginOutcome {}
}
