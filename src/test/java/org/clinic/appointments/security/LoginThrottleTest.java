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

    @Test
    void theLogNamesAnAccountByAPseudonymNeverByItsAddress() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(LoginThrottle.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            for (int i = 0; i < 7; i++) {
                throttle.failed("Victim.Patient@Example.com", "10.0.0." + i);
            }
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(3, lines.size(), "failures 5 to 7 of the account are logged: " + lines);
        for (String line : lines) {
            assertTrue(!line.toLowerCase(java.util.Locale.ROOT).contains("victim"), line);
        }
        java.util.Set<String> pseudonyms = new java.util.HashSet<>();
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("account #([0-9a-f]{12})").matcher(line);
            assertTrue(m.find(), line);
            pseudonyms.add(m.group(1));
        }
        assertEquals(1, pseudonyms.size(), "one account, one pseudonym: " + lines);
    }
}
