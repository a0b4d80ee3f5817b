package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;
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

    private final WindowCounter signUps;

    /** For the container's proxy only. */
    protected RegistrationThrottle() {
        this.signUps = null;
    }

    @Inject
    public RegistrationThrottle(Clock clock, AppConfig config) {
        this(clock, config.maxRegistrationsPerAddress(), config.registrationWindow());
    }

    RegistrationThrottle(Clock clock, int limit, Duration window) {
        this.signUps = new WindowCounter(clock, limit, window);
    }

    /** Counts a sign-up from this address, or answers how long it must wait, counting nothing. */
    public Optional<Duration> admit(String address) {
        return signUps.admit(address);
    }
}
