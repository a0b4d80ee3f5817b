package org.clinic.appointments.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.EmailAddress;

/**
 * Slows password guessing without letting anyone lock a patient out. Attempts are counted per (account, address),
 * per address and per account; after {@value #FREE_ATTEMPTS} failures on a count, each further attempt must wait,
 * 2 s at first and doubling up to {@value #MAX_WAIT_SECONDS} s. An attempt is reserved (counted) atomically before
 * the slow password check, so concurrent guesses cannot all slip through; a success gives its reservation back and
 * clears the account's counts, but never the address's earlier failures (else guesses at other accounts could be
 * washed away by logging in to one's own). A device that has logged in to the account before passes the
 * per-account count, so failures from elsewhere cannot lock its owner out. Counts an hour old are forgotten.
 * No thread sleeps.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final long MAX_WAIT_SECONDS = 300;
    private static final int MAX_TRACKED = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final Map<String, Failures> failures = new HashMap<>();
    private final Clock clock;
    /** Keys the pseudonyms of accounts in the log; new at each start, so they cannot be matched across restarts. */
    private final SecretKey pseudonymKey = newKey();

    /** For the container's proxy only. */
    protected LoginThrottle() {
        this(null);
    }

    @Inject
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** A login attempt that has been counted; tell it how the password check went. */
    public final class Attempt {
        private final List<String> keys;
        private boolean settled;

        private Attempt(List<String> keys) {
            this.keys = keys;
        }

        /** The password was right: the reservation is given back and the account's counts cleared. */
        public void succeeded() {
            synchronized (LoginThrottle.this) {
                if (settled) {
                    return;
                }
                settled = true;
                for (String key : keys) {
                    if (key.startsWith(ADDRESS)) {
                        Failures f = failures.get(key);
                        if (f != null && f.undo() == 0) {
                            failures.remove(key);
                        }
                    } else {
                        failures.remove(key);
                    }
                }
            }
        }

        /** The password was wrong: the attempt stays counted. */
        public void failed() {
            synchronized (LoginThrottle.this) {
                if (settled) {
                    return;
                }
                settled = true;
                for (String key : keys) {
                    Failures f = failures.get(key);
                    if (f != null && f.count >= FREE_ATTEMPTS) {
                        LOG.warning(() -> "Login failures: " + f.count + " for " + loggable(key)
                                + "; next attempt heard after " + f.blockedUntil);
                    }
                }
            }
        }
    }

    /**
     * Counts an attempt for this account from this address, or answers how long to wait when one of its counts
     * is at its limit. {@code knownDevice}: the browser showed the device mark of this account.
     */
    public synchronized Reservation reserve(String email, String address, boolean knownDevice) {
        Instant now = clock.instant();
        forgetOld(now);
        List<String> keys = keys(email, address, knownDevice);
        for (String key : keys) {
            failures.computeIfPresent(key, (k, f) -> f.last.plus(FORGET_AFTER).isBefore(now) ? null : f);
        }
        Optional<Duration> wait = waitFor(keys, now);
        if (wait.isPresent()) {
            return new Reservation(null, wait.get());
        }
        for (String key : keys) {
            failures.computeIfAbsent(key, k -> new Failures()).count(now);
        }
        return new Reservation(new Attempt(keys), Duration.ZERO);
    }

    /** How long an attempt would have to wait now, without counting one. */
    synchronized Optional<Duration> waitFor(String email, String address, boolean knownDevice) {
        return waitFor(keys(email, address, knownDevice), clock.instant());
    }

    private static List<String> keys(String email, String address, boolean knownDevice) {
        return knownDevice ? List.of(pairKey(email, address), addressKey(address))
                : List.of(pairKey(email, address), addressKey(address), accountKey(email));
    }

    private Optional<Duration> waitFor(List<String> keys, Instant now) {
        Instant until = null;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil != null && f.blockedUntil.isAfter(now)) {
                until = until == null || f.blockedUntil.isAfter(until) ? f.blockedUntil : until;
            }
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Either an attempt that may go ahead, or the wait before the next one is heard. */
    public record Reservation(Attempt attempt, Duration retryAfter) {

        public Optional<Attempt> granted() {
            return Optional.ofNullable(attempt);
        }
    }

    private void forgetOld(Instant now) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last.plus(FORGET_AFTER).isBefore(now));
        }
    }

    private static final String ACCOUNT = "account ";
    private static final String ADDRESS = "address ";
    private static final String PAIR = "pair ";

    private static String identity(String email) {
        String key = email == null ? null : EmailAddress.identityKey(email);
        return key == null ? (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) : key;
    }

    private static String accountKey(String email) {
        return ACCOUNT + identity(email);
    }

    private static String pairKey(String email, String address) {
        return PAIR + identity(email) + " " + address;
    }

    private static String addressKey(String address) {
        return ADDRESS + address;
    }

    /** A key as the log may show it: accounts by a pseudonym, stable while the server runs, never the address. */
    private String loggable(String key) {
        if (key.startsWith(ADDRESS)) {
            return key;
        }
        String account = key.startsWith(PAIR) ? key.substring(PAIR.length(), key.lastIndexOf(' '))
                : key.substring(ACCOUNT.length());
        String from = key.startsWith(PAIR) ? " from " + key.substring(key.lastIndexOf(' ') + 1) : "";
        return "account #" + HexFormat.of().formatHex(mac(pseudonymKey, account), 0, 6) + from;
    }

    static byte[] mac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static SecretKey newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;

        void count(Instant now) {
            count++;
            last = now;
            block(now);
        }

        int undo() {
            count = Math.max(0, count - 1);
            if (count < FREE_ATTEMPTS) {
                blockedUntil = null;
            }
            return count;
        }

        private void block(Instant now) {
            if (count >= FREE_ATTEMPTS) {
                long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, count - FREE_ATTEMPTS + 1));
                blockedUntil = now.plusSeconds(wait);
            }
        }
    }
}
