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
}
