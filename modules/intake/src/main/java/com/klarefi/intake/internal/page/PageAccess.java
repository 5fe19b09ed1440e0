package com.klarefi.intake.internal.page;

import com.klarefi.intake.internal.sessions.Session;
import com.klarefi.intake.internal.sessions.SessionTokens;
import com.klarefi.intake.internal.sessions.Sessions;
import com.klarefi.platform.web.Csrf;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see a session's page: whoever holds its signed URL while it is open. A wrong or missing
 * token is 403, an expired, completed or cancelled session 410, each a page in the session's
 * language (or the browser's, when the link names no session).
 */
final class PageAccess {
    private final Sessions sessions;
    private final SessionTokens tokens;
    private final Csrf csrf;

    PageAccess(Sessions sessions, SessionTokens tokens, Csrf csrf) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.csrf = csrf;
    }

    /** The open session the request may use; otherwise the refusal is already sent. */
    Optional<Session> open(ServerRequest request, ServerResponse response) {
        String sessionId = request.path().pathParameters().get("sessionId");
        String token = request.query().first("token").orElse("");
        Optional<Session> session = tokens.matches(sessionId, token) ? sessions.find(sessionId) : Optional.empty();
        if (session.isEmpty()) {
            // The refusal speaks the language of the session the link names, if there is one; it tells nothing else.
            String locale = Optional.ofNullable(sessionId)
                    .flatMap(sessions::find)
                    .map(Session::locale)
                    .orElseGet(() -> browserLocale(request));
            MessagePages.send(response, 403, PageTexts.of(locale), "refused.invalid");
            return Optional.empty();
        }
        String status = session.get().statusAt(sessions.now());
        if (!status.equals(Session.OPEN)) {
            String key = status.equals(Session.EXPIRED) ? "refused.expired" : "refused.ended";
            MessagePages.send(response, 410, PageTexts.of(session.get().locale()), key);
            return Optional.empty();
        }
        return session;
    }

    /** Like {@link #open}, for a form post: the CSRF value it submitted must be its cookie's for this session. */
    Optional<Session> openForPost(ServerRequest request, ServerResponse response, String submittedCsrf) {
        return open(request, response).filter(session -> formCameFromPage(request, response, session, submittedCsrf));
    }

    /** Whether a post to an open session carries the CSRF value of its page; otherwise the refusal is sent. */
    boolean formCameFromPage(ServerRequest request, ServerResponse response, Session session, String submittedCsrf) {
        if (csrf.valid(request, session.id(), submittedCsrf)) {
            return true;
        }
        MessagePages.send(response, 403, PageTexts.of(session.locale()), "refused.form");
        return false;
    }

    /** The CSRF value of this session's page in this browser: bound to the session, so another session's does not fit. */
    String csrfFor(ServerRequest request, ServerResponse response, Session session) {
        return csrf.ensure(request, response, "/s/" + session.id(), session.id());
    }

    private static String browserLocale(ServerRequest request) {
        String accepted = request.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("");
        return accepted.toLowerCase(Locale.ROOT).startsWith("nl") ? "nl" : "en";
    }
}
