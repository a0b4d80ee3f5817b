package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.junit.jupiter.api.Test;

/** Stored hashes weaker than the configured cost are replaced at the next login. */
class PasswordHasherTest {

    private static PasswordHasher hasher(int iterations) {
        PasswordHasher hasher = new PasswordHasher();
        hasher.config = new AppConfig() {
            @Override
            public int passwordHashIterations() {
                return iterations;
            }
        };
        return hasher;
    }

    @Test
    void aHashWithFewerIterationsThanConfiguredIsReplaced() {
        PasswordHasher hasher = hasher(210_000);
        assertTrue(hasher.needsRehash("PBKDF2WithHmacSHA512:20000:c2FsdA==:aGFzaA=="), "20,000 < 210,000");
        assertFalse(hasher.needsRehash("PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA=="));
        assertFalse(hasher.needsRehash("PBKDF2WithHmacSHA512:600000:c2FsdA==:aGFzaA=="), "a stronger hash stays");
        assertTrue(hasher.needsRehash("pbkdf2:sha256:600000$salt$00"), "the earlier system's hashes");
        assertEquals(Integer.MAX_VALUE, PasswordHasher.iterationsOf("not a hash"));
    }

    @Test
    void signUpsBeyondTheHashingCapAreAnsweredAtOnceInsteadOfQueueing() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PasswordHasher hasher = new PasswordHasher();
        hasher.config = new AppConfig() {
            @Override
            public int passwordHashIterations() {
                return 210_000;
            }

            @Override
            public int maxConcurrentHashing() {
                return 2;
            }
        };
        hasher.pbkdf2 = new jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash() {
            @Override
            public void initialize(java.util.Map<String, String> parameters) {
            }

            @Override
            public String generate(char[] password) {
                if (!"decoy-password".equals(new String(password))) {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return "PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA==";
            }

            @Override
            public boolean verify(char[] password, String hashedPassword) {
                return false;
            }
        };
        hasher.init();
        java.util.List<Thread> slow = new java.util.ArrayList<>();
        java.util.List<java.util.Optional<String>> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> results.add(hasher.hashIfFree("Monsoon-Tea-42".toCharArray())));
            t.start();
            slow.add(t);
        }
        inside.await();
        assertTrue(hasher.hashIfFree("Monsoon-Tea-42".toCharArray()).isEmpty(), "a third sign-up is told busy at once");
        release.countDown();
        for (Thread t : slow) {
            t.join();
        }
        assertTrue(results.stream().allMatch(java.util.Optional::isPresent), "the two in progress finish");
        assertTrue(hasher.hashIfFree("Monsoon-Tea-42".toCharArray()).isPresent(), "and then there is room again");
    }
}
