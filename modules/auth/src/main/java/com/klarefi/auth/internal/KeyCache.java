package com.klarefi.auth.internal;

import com.klarefi.auth.internal.db.AuthRepository;
import com.klarefi.auth.internal.db.AuthRepository.KeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps API keys in memory so a warm instance authenticates without the database. A watcher polls
 * {@code auth.api_keys.updated_at} every refresh interval and drops changed keys, so a revocation
 * on any instance is honoured by every instance within about one interval. If the watcher cannot
 * reach the database for a while, the cache stops trusting itself and reads through.
 */
final class KeyCache implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KeyCache.class.getName());
    /** Unknown keys are remembered briefly so a flood of bad keys does not become a flood of queries. */
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);
    /** Overlap between polls, so a change committed late with an earlier stamp is still seen. */
    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private static final int MAX_ENTRIES = 100_000;

    private record Entry(Optional<KeyRecord> key, Instant loadedAt) {}

    private final AuthRepository repository;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher;
    private volatile Instant watermark;
    private volatile Instant lastSuccessfulPoll;

    KeyCache(AuthRepository repository, Clock clock, Duration refresh) {
        this.repository = repository;
        this.clock = clock;
        this.refresh = refresh;
        this.watermark = repository.databaseNow();
        this.lastSuccessfulPoll = clock.instant();
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-key-cache-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::poll, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    Optional<KeyRecord> lookup(String hash) {
        Instant now = clock.instant();
        boolean trusted = Duration.between(lastSuccessfulPoll, now).compareTo(refresh.multipliedBy(5)) < 0;
        Entry entry = byHash.get(hash);
        if (trusted
                && entry != null
                && (entry.key().isPresent()
                        || Duration.between(entry.loadedAt(), now).compareTo(NEGATIVE_TTL) < 0)) {
            return entry.key();
        }
        Optional<KeyRecord> loaded = repository.keyByHash(hash);
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(hash, new Entry(loaded, now));
        return loaded;
    }

    /** Drops a key at once on this instance (others follow through the watcher). */
    void forget(String hash) {
        byHash.remove(hash);
    }

    private void poll() {
        try {
            Instant since = watermark.minus(OVERLAP);
            for (AuthRepository.KeyChange change : repository.changesSince(since)) {
                byHash.remove(change.keyHash());
                if (change.updatedAt().isAfter(watermark)) {
                    watermark = change.updatedAt();
                }
            }
            lastSuccessfulPoll = clock.instant();
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot poll API key changes: " + e.getClass().getSimpleName()
                            + "; reading keys through until the database answers");
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
