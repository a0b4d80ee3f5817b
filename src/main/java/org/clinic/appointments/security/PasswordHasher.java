package org.clinic.appointments.security;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Hashes and checks passwords with PBKDF2 (HMAC-SHA512, salted); the parameters travel inside each hash.
 * Also checks the Werkzeug hashes of accounts migrated from the earlier system, which {@link #needsRehash} flags.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    AppConfig config;

    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
        newAccountHashing = new java.util.concurrent.Semaphore(Math.max(1, config.maxConcurrentHashing()));
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** Hashings that may run at once for new accounts; more are answered "busy" instead of queueing. */
    private java.util.concurrent.Semaphore newAccountHashing;

    /**
     * Hashes a new account's password unless {@code appointments.max-concurrent-hashing} hashings run already
     * (each costs a core for a fraction of a second): then empty, at once, so sign-ups cannot saturate the server.
     */
    public java.util.Optional<String> hashIfFree(char[] password) {
        if (!newAccountHashing.tryAcquire()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(hash(password));
        } finally {
            newAccountHashing.release();
        }
    }

    public boolean verify(char[] password, String storedHash) {
        if (storedHash == null || storedHash.isBlank()) {
            return false;
        }
        if (WerkzeugHash.isWerkzeug(storedHash)) {
            return WerkzeugHash.verify(password, storedHash);
        }
        try {
            return pbkdf2.verify(password, storedHash);
        } catch (RuntimeException unreadableHash) {
            return false;
        }
    }

    /**
     * True for a hash not made by {@link #hash} (the earlier system's) or made with fewer iterations than now
     * configured: it is replaced once its password has been verified.
     */
    public boolean needsRehash(String storedHash) {
        return WerkzeugHash.isWerkzeug(storedHash) || iterationsOf(storedHash) < iterations();
    }

    private int iterations() {
        return config.passwordHashIterations();
    }

    /**
     * The iteration count of one of our hashes ({@code PBKDF2WithHmacSHA512:<iterations>:<salt>:<hash>}), or
     * {@link Integer#MAX_VALUE} for any other form (never rehashed on that account).
     */
    static int iterationsOf(String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":");
        if (parts.length == 4 && parts[0].startsWith("PBKDF2With")) {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException unreadable) {
                return Integer.MAX_VALUE;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Spends the time of one verification, so an unknown e-mail address answers as slowly as a known one. */
    public void verifyDecoy(char[] password) {
        pbkdf2.verify(password, decoy);
    }
}
