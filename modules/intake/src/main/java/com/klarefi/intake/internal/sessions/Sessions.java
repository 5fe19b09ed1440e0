package com.klarefi.intake.internal.sessions;

import com.klarefi.cases.api.CaseEvent.SessionCompleted;
import com.klarefi.cases.api.CaseEvent.SessionExpired;
import com.klarefi.cases.api.Cases;
import com.klarefi.intake.internal.db.SessionRepository;
import com.klarefi.intake.internal.db.StatementRepository;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.processing.api.Documents;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The life of a hosted intake session: created by the customer's API call (opening or joining a
 * case), used by the applicant through the signed URL while open, and ended by completion,
 * cancellation or expiry, each end reported in the case's event log.
 */
public final class Sessions {
    private final SessionRepository repository;
    private final StatementRepository statements;
    private final Cases cases;
    private final Documents documents;
    private final Database database;
    private final SessionTokens tokens;
    private final URI publicBaseUrl;
    private final Clock clock;

    public Sessions(
            SessionRepository repository,
            StatementRepository statements,
            Cases cases,
            Documents documents,
            Database database,
            SessionTokens tokens,
            URI publicBaseUrl,
            Clock clock) {
        this.repository = repository;
        this.statements = statements;
        this.cases = cases;
        this.documents = documents;
        this.database = database;
        this.tokens = tokens;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    public Session create(Tx tx, Caller caller, SessionRequest request) {
        String caseId = cases.openCase(tx, caller, request.opening());
        Instant now = now();
        Session session = new Session(
                UUID.randomUUID().toString(),
                caller.orgId(),
                caller.environment().wireName(),
                caller.keyId(),
                caseId,
                request.opening().caseTypeId(),
                request.locale(),
                request.returnUrl(),
                Session.OPEN,
                now,
                now.plus(request.ttl()),
                Optional.empty());
        repository.insert(tx, session);
        return session;
    }

    public String signedUrl(Session session) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return base + "/s/" + session.id() + "?token=" + tokens.tokenFor(session.id());
    }

    public Optional<Session> find(String sessionId) {
        return repository.find(sessionId);
    }

    /** The caller's session; other organisations' and environments' sessions do not exist for it. */
    public Optional<Session> findFor(Caller caller, String sessionId) {
        return repository
                .find(sessionId)
                .filter(session -> session.orgId().equals(caller.orgId())
                        && session.environment().equals(caller.environment().wireName()));
    }

    /** Runs {@code work} with the session locked, if it is still open; empty when it is not. */
    public <T> Optional<T> whileOpen(String sessionId, BiFunction<Tx, Session, T> work) {
        return database.inTransaction(tx -> repository
                .lock(tx, sessionId)
                .filter(session -> session.openAt(now()))
                .map(session -> work.apply(tx, session)));
    }

    /** Stores an upload as a document of the session's case; the caller enqueues it after the commit. */
    public String upload(Tx tx, Session session, byte[] content, String filename) {
        String docId = documents.acceptUpload(tx, session.caller(), session.caseId(), content, filename);
        repository.addDocument(tx, session.id(), docId, filename, now());
        return docId;
    }

    /** Completes the session and reports it to the case. */
    public void complete(Tx tx, Session session) {
        if (repository.end(tx, session.id(), Session.COMPLETED, now())) {
            cases.appendEvent(
                    tx,
                    new SessionCompleted(
                            session.caseId(),
                            session.id(),
                            repository.documents(session.id()).size(),
                            statements.countOfSession(tx, session.id())));
        }
    }

    /** Cancels the caller's open session; false when it has already ended. */
    public boolean cancel(Caller caller, String sessionId) {
        return findFor(caller, sessionId).isPresent()
                && whileOpen(sessionId, (tx, session) -> repository.end(tx, session.id(), Session.CANCELLED, now()))
                        .orElse(false);
    }

    /** Records every open session past its expiry as expired, with {@code session.expired}; returns how many. */
    public int expireDue() {
        int expired = 0;
        for (String id : repository.dueForExpiry(now(), 200)) {
            boolean ended = database.inTransaction(tx -> repository
                    .lock(tx, id)
                    .filter(session -> session.status().equals(Session.OPEN) && !now().isBefore(session.expiresAt()))
                    .map(session -> {
                        repository.end(tx, session.id(), Session.EXPIRED, now());
                        cases.appendEvent(tx, new SessionExpired(session.caseId(), session.id()));
                        return true;
                    })
                    .orElse(false));
            expired += ended ? 1 : 0;
        }
        return expired;
    }

    public List<SessionRepository.SessionDocument> uploads(Session session) {
        return repository.documents(session.id());
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
