package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Sign-ups per client address: at most {@code appointments.max-registrations-per-address} in any
 * {@code appointments.registration-window}; beyond that a sign-up is answered with the wait until the oldest one
 * leaves the window. Counted in the store's {@link AbuseCounts}, so every server of the clinic sees them.
 */
@ApplicationScoped
public class RegistrationThrottle {

    private static final String SIGN_UP = "sign-up ";

    private final AbuseCounts counts;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    /** For the container's proxy only. */
    protected RegistrationThrottle() {
        this(null, null, 0, null);
    }

    @Inject
    public RegistrationThrottle(AbuseCounts counts, Clock clock, AppConfig config) {
        this(counts, clock, config.maxRegistrationsPerAddress(), config.registrationWindow());
    }

    RegistrationThrottle(AbuseCounts counts, Clock clock, int limit, Duration window) {
        this.counts = counts;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts a sign-up from this address, or answers how long it must wait, counting nothing. */
    public Optional<Duration> admit(String address) {
        return counts.admit(SIGN_UP + address, clock.instant(), limit, window);
    }
}
