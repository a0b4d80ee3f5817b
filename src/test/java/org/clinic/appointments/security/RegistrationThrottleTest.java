package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.memory.MemoryAbuseCounts;

class RegistrationThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final RegistrationThrottle throttle = new RegistrationThrottle(counts(), clock, 3, Duration.ofHours(1));

    /** Where the counts are kept: this server's memory, as with the JSON ledger. */
    protected AbuseCounts counts() {
        return new MemoryAbuseCounts();
    }

    @Test
    void anAddressGetsItsSignUpsPerWindowAndThenTheWait() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.admit("203.0.113.9").isEmpty(), "sign-up " + i);
            clock.advance(Duration.ofMinutes(10));
        }
        assertEquals(Optional.of(Duration.ofMinutes(30)), throttle.admit("203.0.113.9"));
        assertTrue(throttle.admit("203.0.113.10").isEmpty(), "another address is not held back");
    }

    @Test
    void refusedSignUpsDoNotProlongTheWait() {
        for (int i = 0; i < 3; i++) {
            throttle.admit("203.0.113.9");
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(throttle.admit("203.0.113.9").isPresent());
        }
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertTrue(throttle.admit("203.0.113.9").isEmpty(), "the window has passed");
    }
}
