package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.RequestContexts;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Wraps the dashboard's handlers: without a live session a request goes to the sign-in page; a
 * form is handled only when it carries the session's CSRF token.
 */
final class SignedIn {
    /** Renders a page for a signed-in operator. */
    @FunctionalInterface
    interface PageHandler {
        void handle(ServerRequest request, ServerResponse response, OperatorSession session);
    }

    /** Handles a submitted form whose CSRF token was checked. */
    @FunctionalInterface
    interface FormHandler {
        void handle(ServerRequest request, ServerResponse response, OperatorSession session, Form form);
    }

    private final Sessions sessions;

    SignedIn(Sessions sessions) {
        this.sessions = sessions;
    }

    Handler page(PageHandler handler) {
        return (request, response) -> {
            Optional<OperatorSession> session = session(request);
            if (session.isEmpty()) {
                Layout.redirect(response, Dashboard.PREFIX + "/login");
                return;
            }
            handler.handle(request, response, session.get());
        };
    }

    Handler form(FormHandler handler) {
        return (request, response) -> {
            Optional<OperatorSession> session = session(request);
            if (session.isEmpty()) {
                Layout.redirect(response, Dashboard.PREFIX + "/login");
                return;
            }
            Form form = Form.read(request);
            Sessions.requireCsrf(session.get(), form);
            handler.handle(request, response, session.get(), form);
        };
    }

    private Optional<OperatorSession> session(ServerRequest request) {
        Optional<OperatorSession> session = sessions.current(request);
        session.ifPresent(signedIn -> RequestContexts.put(request, OperatorSession.class, signedIn));
        return session;
    }

    /** The operator of the current request, if the request got as far as a session check. */
    static Optional<OperatorSession> of(ServerRequest request) {
        return RequestContexts.get(request, OperatorSession.class);
    }
}
