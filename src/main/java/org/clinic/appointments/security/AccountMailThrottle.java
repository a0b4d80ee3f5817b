package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.port.AbuseCounts;

/**
 * Mail with a link to an account (reset, verification): at most {@value #PER_CLIENT} an hour from one client address
 * and {@value #PER_ACCOUNT} an hour for one address; beyond, the request is answered as always and nothing is sent.
 * Counted in the store's {@link AbuseCounts}, so every server of the clinic sees them.
 */
@ApplicationScoped
public class AccountMailThrottle {

    static final int PER_CLIENT = 10;
    static final int PER_ACCOUNT = 3;
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String FROM_CLIENT = "mail from ";
    private static final String TO_ACCOUNT = "mail to ";

    private final AbuseCounts counts;
    private final Clock clock;

    /** For the container's proxy only. */
    protected AccountMailThrottle() {
        this(null, null);
    }

    @Inject
    public AccountMailThrottle(AbuseCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /** Whether a request from this client about this address may send a link now (and counts it). */
    public boolean admit(String clientAddress, String emailKey) {
        return counts.admit(FROM_CLIENT + clientAddress, clock.instant(), PER_CLIENT, WINDOW).isEmpty()
                && counts.admit(TO_ACCOUNT + emailKey, clock.instant(), PER_ACCOUNT, WINDOW).isEmpty();
    }
}
