package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Sign-ups per client address: at most {@code appointments.max-registrations-per-address} in any
 * {@code appointments.registration-window}; beyond that a sign-up is answered with the wait until the oldest one
 * leaves the window. Counted in memory, on this server.
 */
@ApplicationScoped
public class RegistrationThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> signUps = new HashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration window;

    /** For the container's proxy only. */
    protected RegistrationThrottle() {
        this.clock = null;
        this.limit = 0;
        this.window = null;
    }

    @Inject
    public RegistrationThrottle(Clock clock, AppConfig config) {
        this(clock, config.maxRegistrationsPerAddress(), config.registrationWindow());
    }

    RegistrationThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts a sign-up from this address, or answers how long it must wait, counting nothing. */
    public synchronized Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (signUps.size() > MAX_TRACKED) {
            signUps.values().removeIf(times -> !times.peekLast().isAfter(since));
        }
        Deque<Instant> times = signUps.computeIfAbsent(address, a -> new ArrayDeque<>());
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
