package com.klarefi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests move by hand. {@link #frozenAt} stands still until a test advances it, for
 * code whose every reading of time the test controls; {@link #flowing} is the real clock shifted by
 * an offset, for code that also lives in real time (JobRunr, a receiver) while a test jumps hours
 * ahead. Clocks made from one another with {@link #withZone} share the same time.
 */
public final class TestClock extends Clock {
    private final Clock source;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private TestClock(Clock source, AtomicReference<Duration> offset, ZoneId zone) {
        this.source = source;
        this.offset = offset;
        this.zone = zone;
    }

    public static TestClock frozenAt(Instant start) {
        return new TestClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Frozen at the first second of a minute, so a test knows how much of a minute's window is left. */
    public static TestClock atStartOfAMinute() {
        return frozenAt(Instant.parse("2030-01-07T09:30:00Z"));
    }

    public static TestClock flowing() {
        return new TestClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock so that it reads instant now. */
    public void set(Instant instant) {
        offset.set(Duration.between(source.instant(), instant));
    }

    @Override
    public Instant instant() {
        return source.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(source, offset, zone);
    }
}
