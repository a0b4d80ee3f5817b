package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.infrastructure.postgres.AbuseCountsDatabase;
import org.clinic.appointments.infrastructure.postgres.PostgresAbuseCounts;

/** Two servers on one PostgreSQL database: what one counts, the other sees. */
class SharedAbuseCountsIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T06:00:00Z"));
    private DataSource database;
    private LoginThrottle loginA;
    private LoginThrottle loginB;

    @BeforeEach
    void twoServers() {
        database = AbuseCountsDatabase.emptied();
        loginA = new LoginThrottle(new PostgresAbuseCounts(database), clock);
        loginB = new LoginThrottle(new PostgresAbuseCounts(database), clock);
    }

    @Test
    void failuresAtOneServerSlowTheNextAttemptAtTheOther() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            loginA.reserve("asha@example.com", "10.0.0." + i, false).granted().orElseThrow().failed();
        }
        assertEquals(Duration.ofSeconds(2), loginB.waitFor("asha@example.com", "10.0.0.9", false).orElseThrow());
        assertTrue(loginB.reserve("asha@example.com", "10.0.0.9", false).granted().isEmpty(),
                "the guess at the other server is not heard");
        clock.advance(Duration.ofSeconds(2));
        loginB.reserve("asha@example.com", "10.0.0.7", false).granted().orElseThrow().succeeded();
        loginA.reserve("asha@example.com", "10.0.0.8", false).granted().orElseThrow().failed();
        assertTrue(loginB.waitFor("asha@example.com", "10.0.0.9", false).isEmpty(),
                "the owner's login at one server started the account's count again at both");
    }

    @Test
    void simultaneousGuessesAtBothServersAreHeardOnlyTheFreeTimes() throws InterruptedException {
        assertEquals(LoginThrottle.FREE_ATTEMPTS, LoginThrottleTest.guessesHeard(24, i -> i % 2 == 0 ? loginA : loginB),
                "of 24 guesses at once on two servers");
    }

    @Test
    void signUpsFromOneAddressCountAtEveryServer() {
        RegistrationThrottle a = new RegistrationThrottle(new PostgresAbuseCounts(database), clock, 3,
                Duration.ofHours(1));
        RegistrationThrottle b = new RegistrationThrottle(new PostgresAbuseCounts(database), clock, 3,
                Duration.ofHours(1));
        assertTrue(a.admit("203.0.113.9").isEmpty());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(b.admit("203.0.113.9").isEmpty());
        assertTrue(a.admit("203.0.113.9").isEmpty());
        assertEquals(Duration.ofMinutes(50), b.admit("203.0.113.9").orElseThrow());
        clock.advance(Duration.ofMinutes(51));
        assertTrue(b.admit("203.0.113.9").isEmpty(), "the first sign-up has left the window");
    }

    @Test
    void linksToOneAccountCountAtEveryServer() {
        AccountMailThrottle a = new AccountMailThrottle(new PostgresAbuseCounts(database), clock);
        AccountMailThrottle b = new AccountMailThrottle(new PostgresAbuseCounts(database), clock);
        for (int i = 0; i < AccountMailThrottle.PER_ACCOUNT; i++) {
            assertTrue((i % 2 == 0 ? a : b).admit("10.0.0." + i, "asha@example.com"), "link " + i);
        }
        assertFalse(b.admit("10.0.0.9", "asha@example.com"), "the fourth link within the hour, at either server");
        assertTrue(a.admit("10.0.0.9", "ravi@example.com"), "another account's link is sent");
    }

    @Test
    void theDatabaseHoldsDigestsNeverTheAddresses() throws SQLException {
        loginA.reserve("victim.patient@example.com", "203.0.113.7", false).granted().orElseThrow().failed();
        new RegistrationThrottle(new PostgresAbuseCounts(database), clock, 3, Duration.ofHours(1)).admit("203.0.113.7");
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT key FROM abuse_tallies UNION ALL SELECT key FROM abuse_events")) {
            int keys = 0;
            while (rows.next()) {
                byte[] key = rows.getBytes(1);
                assertEquals(32, key.length, "a SHA-256 digest");
                String text = new String(key, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("victim") || text.contains("203.0.113"), "no address in the key");
                keys++;
            }
            assertEquals(4, keys, "three counts of the sign-in (pair, address, account) and the sign-up");
        }
    }
}
