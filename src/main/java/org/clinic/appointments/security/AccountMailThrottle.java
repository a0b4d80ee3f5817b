package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Mail with a link to an account (reset, verification): at most 10 an hour from one client address and 3 an hour
 * for one address;
 * beyond, the request is answered as always and nothing is sent.
 */
@ApplicationScoped
public class AccountMailThrottle {

    private final WindowCounter perClient;
    private final WindowCounter perAccount;

    /** For the container's proxy only. */
    protected AccountMailThrottle() {
        this.perClient = null;
        this.perAccount = null;
    }

    @Inject
    public AccountMailThrottle(Clock clock) {
        this.perClient = new WindowCounter(clock, 10, Duration.ofHours(1));
        this.perAccount = new WindowCounter(clock, 3, Duration.ofHours(1));
    }

    /** Whether a request from this client about this address may send a link now (and counts it). */
    public boolean admit(String clientAddress, String emailKey) {
        return perClient.admit(clientAddress).isEmpty() && perAccount.admit(emailKey).isEmpty();
    }
}
