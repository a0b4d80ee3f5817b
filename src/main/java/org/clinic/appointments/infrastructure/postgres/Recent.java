package org.clinic.appointments.infrastructure.postgres;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database and kept on this server for a short while: what nearly every page asks for and
 * an admin changes rarely (the doctors, the clinic's week). A change made on this server is seen at once
 * ({@link #forget}); one made on another server within {@code keep}. Changes never decide on it: they read in
 * their own transaction.
 */
final class Recent<T> {

    private record Kept<T>(T value, Instant readAt, long generation) {
    }

    private final Clock clock;
    private final Duration keep;
    private volatile Kept<T> kept;
    private volatile long generation;

    Recent(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    T get(Supplier<T> read) {
        Instant now = clock.instant();
        Kept<T> current = kept;
        if (current != null && current.generation() == generation && !now.isBefore(current.readAt())
                && now.isBefore(current.readAt().plus(keep))) {
            return current.value();
        }
        long readingFor = generation;
        T value = read.get();
        synchronized (this) {
            if (generation == readingFor) {
                kept = new Kept<>(value, now, readingFor);
            }
        }
        return value;
    }

    /** This server changed the value: the next read goes to the database. */
    synchronized void forget() {
        generation++;
        kept = null;
    }
}
