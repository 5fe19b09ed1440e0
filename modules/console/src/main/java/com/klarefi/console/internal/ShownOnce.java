package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.web.Csrf;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * New secrets (API keys, signing secrets) between the form post that made them and the one page
 * that shows them: the post answers 303 to {@code /dashboard/shown/{ticket}}, so reloading that
 * page cannot make a second key, and the secret is handed out exactly once, to the operator who
 * made it, within {@link #LIFETIME}. Kept in this instance's memory only: the secret is nowhere
 * else in clear, and a restart loses what nobody looked at (the key can be rolled).
 */
final class ShownOnce {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** A page's worth: a notice, labelled secrets, and where to go next. */
    record Page(
            String title, String notice, List<Map.Entry<String, String>> secrets, String nextPath, String nextLabel) {
        Page {
            secrets = List.copyOf(secrets);
        }
    }

    private record Entry(String operatorId, Page page, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ShownOnce(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the page for the operator; returns the path that shows it once. */
    String keep(OperatorSession session, Page page) {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        String ticket = Csrf.newToken();
        entries.put(ticket, new Entry(session.operatorId(), page, now.plus(LIFETIME)));
        return Dashboard.PREFIX + "/shown/" + ticket;
    }

    /** The page, the first time its operator asks within its lifetime; never again. */
    Optional<Page> take(OperatorSession session, String ticket) {
        Entry entry = entries.get(ticket);
        if (entry == null || !entry.operatorId().equals(session.operatorId())) {
            return Optional.empty();
        }
        entries.remove(ticket, entry);
        return Optional.of(entry.page()).filter(page -> entry.expiresAt().isAfter(clock.instant()));
    }
}
