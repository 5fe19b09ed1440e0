package com.klarefi.auth.api;

import java.util.Optional;

/** Dashboard accounts of operators: created by an admin command, signed in with e-mail and password. */
public interface Operators {
    int MIN_PASSWORD_LENGTH = 12;

    /** A new operator; 400 for a malformed e-mail or a short password, 409 when the e-mail is taken. */
    Operator create(String email, String password);

    LoginOutcome logIn(String email, String password);

    /** The live session behind a cookie value (and marks it active), or empty when it ended or never was. */
    Optional<OperatorSession> session(String token);

    /** Ends the session on every instance at once. */
    void logOut(String token);
}
