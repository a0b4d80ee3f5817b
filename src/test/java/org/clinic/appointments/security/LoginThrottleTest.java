package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.memory.MemoryAbuseCounts;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00.123456789Z"));
    private final LoginThrottle throttle = new LoginThrottle(counts(), clock);

    /** Where the counts are kept: this server's memory, as with the JSON ledger. */
    protected AbuseCounts counts() {
        return new MemoryAbuseCounts();
    }

    /** A wrong password, when the attempt is heard at all. */
    private void fail(String email, String address) {
        fail(email, address, false);
    }

    private void fail(String email, String address, boolean knownDevice) {
        throttle.reserve(email, address, knownDevice).granted().ifPresent(LoginThrottle.Attempt::failed);
    }

    private java.util.Optional<Duration> retryAfter(String email, String address, boolean knownDevice) {
        return throttle.waitFor(email, address, knownDevice);
    }

    /** The right password; false when the attempt was not even heard. */
    private boolean succeed(String email, String address, boolean knownDevice) {
        java.util.Optional<LoginThrottle.Attempt> attempt = throttle.reserve(email, address, knownDevice).granted();
        attempt.ifPresent(LoginThrottle.Attempt::succeeded);
        return attempt.isPresent();
    }

    @Test
    void fiveFailuresAreFreeThenTheWaitGrows() {
        for (int i = 0; i < 4; i++) {
            fail("asha@example.com", "10.0.0.1");
        }
        assertTrue(retryAfter("asha@example.com", "10.0.0.1", false).isEmpty());
        fail("asha@example.com", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), retryAfter("ASHA@example.com", "10.0.0.9", false).orElseThrow(),
                "the account's count, from anywhere");
        clock.advance(Duration.ofSeconds(3));
        fail("asha@example.com", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), retryAfter("asha@example.com", "10.0.0.9", false).orElseThrow());
    }

    @Test
    void manyAccountsFromOneAddressAreSlowedToo() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i + "@example.com", "10.0.0.1");
        }
        assertTrue(retryAfter("someone-else@example.com", "10.0.0.1", false).isPresent());
        assertTrue(retryAfter("someone-else@example.com", "10.0.0.2", false).isEmpty());
    }

    @Test
    void failuresFromElsewhereNeverLockOutTheOwnerOnADeviceThatLoggedInBefore() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                fail("victim@example.com", "203.0.113." + (round * 5 + i));
            }
            assertTrue(retryAfter("victim@example.com", "10.0.0.7", false).isPresent(),
                    "a new device waits, as any guesser would");
            assertTrue(succeed("victim@example.com", "10.0.0.7", true),
                    "the owner's own device is heard at once, round " + round);
            clock.advance(Duration.ofSeconds(300));
        }
        for (int i = 0; i < 5; i++) {
            fail("victim@example.com", "203.0.113.99", true);
        }
        assertTrue(retryAfter("victim@example.com", "203.0.113.99", true).isPresent(),
                "a device mark (even a stolen one) does not lift the counts of its address");
    }

    @Test
    void loggingInToOnesOwnAccountDoesNotWashAwayGuessesAtOthers() {
        for (int i = 0; i < 4; i++) {
            fail("target" + i + "@example.com", "10.0.0.1");
        }
        assertTrue(succeed("sprayer@example.com", "10.0.0.1", true), "their own login works");
        fail("target9@example.com", "10.0.0.1");
        assertTrue(retryAfter("another-target@example.com", "10.0.0.1", false).isPresent(),
                "the five failures from the address still count after the success between them");
    }

    @Test
    void concurrentGuessesAreCountedBeforeAnyPasswordIsChecked() throws Exception {
        assertEquals(LoginThrottle.FREE_ATTEMPTS, guessesHeard(20, i -> throttle),
                "of 20 simultaneous guesses, only the free ones are heard");
    }

    /**
     * Starts the guesses at one account from one address at once, guess i at {@code server.apply(i)}; each heard
     * guess is held open for half a second, then fails. Answers how many were heard.
     */
    static int guessesHeard(int guesses, java.util.function.IntFunction<LoginThrottle> server)
            throws InterruptedException {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> guessers = new java.util.ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            LoginThrottle at = server.apply(i);
            Thread guesser = new Thread(() -> {
                try {
                    start.await();
                    at.reserve("asha@example.com", "10.0.0.1", false).granted().ifPresent(attempt -> {
                        heard.incrementAndGet();
                        try {
                            checked.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        attempt.failed();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            guesser.start();
            guessers.add(guesser);
        }
        start.countDown();
        Thread.sleep(500);
        checked.countDown();
        for (Thread guesser : guessers) {
            guesser.join();
        }
        return heard.get();
    }

    @Test
    void aSuccessFromAnAddressWithEarlierFailuresDoesNotHoldBackTheNextLogin() {
        for (int i = 0; i < 5; i++) {
            fail("target" + i + "@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(3));
        assertTrue(succeed("nurse@example.com", "10.0.0.1", false), "the wait after the failures is over");
        assertTrue(retryAfter("doctor@example.com", "10.0.0.1", false).isEmpty(),
                "the success gave its attempt back, with the wait it would have started");
        assertTrue(succeed("doctor@example.com", "10.0.0.1", false));
        fail("target9@example.com", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), retryAfter("anyone@example.com", "10.0.0.1", false).orElseThrow(),
                "the address's sixth failure waits as the sixth");
    }

    @Test
    void aSuccessGivesItsAttemptBackAndClearsTheAccount() {
        for (int i = 0; i < 4; i++) {
            fail("asha@example.com", "10.0.0.1");
        }
        assertTrue(succeed("asha@example.com", "10.0.0.1", false), "the right password");
        fail("asha@example.com", "10.0.0.2");
        assertTrue(retryAfter("asha@example.com", "10.0.0.2", false).isEmpty(), "the account starts again");
    }

    @Test
    void theLogNamesAnAccountByAPseudonymNeverByItsAddress() {
        assertEquals(1, pseudonymsLogged(throttle, "Victim.Patient@Example.com").size(), "one account, one pseudonym");
    }

    @Test
    void serversSharingASecretNameAnAccountAlikeInTheLog() {
        String secret = "a-secret-of-the-clinic-shared-by-its-servers";
        java.util.Set<String> first = pseudonymsLogged(new LoginThrottle(counts(), clock, java.util.Optional.of(secret)),
                "asha@example.com");
        java.util.Set<String> second = pseudonymsLogged(new LoginThrottle(counts(), clock, java.util.Optional.of(secret)),
                "asha@example.com");
        assertEquals(first, second, "a restarted server, or another one, names the account alike");
        java.util.Set<String> otherSecret = pseudonymsLogged(new LoginThrottle(counts(), clock,
                java.util.Optional.of(secret + "-2")), "asha@example.com");
        assertTrue(!first.equals(otherSecret), "another secret, another pseudonym");
        java.util.Set<String> noSecret = pseudonymsLogged(new LoginThrottle(counts(), clock), "asha@example.com");
        assertTrue(!first.equals(noSecret), "without a secret, a key of the server's own");
        assertTrue(!first.equals(pseudonymsLogged(new LoginThrottle(counts(), clock, java.util.Optional.of(secret)),
                "ravi@example.com")), "another account, another pseudonym");
    }

    /** Seven failures for the account, each from its own address; the pseudonyms its logged lines name it by. */
    private java.util.Set<String> pseudonymsLogged(LoginThrottle throttle, String email) {
        java.util.List<String> lines;
        try (org.clinic.appointments.LogLines log = org.clinic.appointments.LogLines.of(
                java.util.logging.Logger.getLogger(LoginThrottle.class.getName()))) {
            for (int i = 0; i < 7; i++) {
                throttle.reserve(email, "10.0.0." + i, false).granted().ifPresent(LoginThrottle.Attempt::failed);
                clock.advance(Duration.ofSeconds(LoginThrottle.MAX_WAIT_SECONDS + 1));
            }
            lines = log.lines();
        }
        assertEquals(3, lines.size(), "failures 5 to 7 of the account are logged: " + lines);
        String local = email.substring(0, email.indexOf('@')).toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> pseudonyms = new java.util.HashSet<>();
        for (String line : lines) {
            assertTrue(!line.toLowerCase(java.util.Locale.ROOT).contains(local), line);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("account #([0-9a-f]{12})").matcher(line);
            assertTrue(m.find(), line);
            pseudonyms.add(m.group(1));
        }
        return pseudonyms;
    }
}
