package org.clinic.appointments.infrastructure.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The clock every service reads the time from: UTC, so tests can replace it with their own. */
@ApplicationScoped
public class ClockProducer {

    /** The system's clock in UTC: what {@link #clock()} gives, and what the ledger loads with before beans exist. */
    public static final Clock SYSTEM = Clock.systemUTC();

    @Produces
    Clock clock() {
        return SYSTEM;
    }
}
