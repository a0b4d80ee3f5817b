package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.clinic.appointments.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeThenTheWaitGrows() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("asha@example.com", "10.0.0.1");
        }
        assertTrue(throttle.retryAfter("asha@example.com", "10.0.0.1").isEmpty());
        throttle.failed("asha@example.com", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.retryAfter("ASHA@example.com", "10.0.0.9").orElseThrow());
        clock.advance(Duration.ofSeconds(3));
        throttle.failed("asha@example.com", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), throttle.retryAfter("asha@example.com", "10.0.0.9").orElseThrow());
    }

    @Test
    void manyAccountsFromOneAddressAreSlowedToo() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertTrue(throttle.retryAfter("someone-else@example.com", "10.0.0.1").isPresent());
        assertTrue(throttle.retryAfter("someone-else@example.com", "10.0.0.2").isEmpty());
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("asha@example.com", "10.0.0.1");
        }
        throttle.succeeded("asha@example.com", "10.0.0.1");
        assertTrue(throttle.retryAfter("asha@example.com", "10.0.0.1").isEmpty());
    }
}
