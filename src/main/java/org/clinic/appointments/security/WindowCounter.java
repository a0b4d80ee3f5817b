package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** At most {@code limit} events per key in any {@code window}, counted in memory on this server. */
final class WindowCounter {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> events = new HashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration window;

    WindowCounter(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts an event for this key, or answers how long it must wait, counting nothing. */
    synchronized Optional<Duration> admit(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (events.size() > MAX_TRACKED) {
            events.values().removeIf(times -> !times.peekLast().isAfter(since));
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return Optional.of(Duration.between(since, times.peekFirst()));
        }
        times.addLast(now);
        return Optional.empty();
    }
}
