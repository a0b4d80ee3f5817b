package org.clinic.appointments.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.domain.port.AbuseCounts.FailureTally;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Slows password guessing without letting anyone lock a patient out. Attempts are counted per (account, address),
 * per address and per account; after {@value #FREE_ATTEMPTS} failures on a count, each further attempt must wait,
 * 2 s at first and doubling up to {@value #MAX_WAIT_SECONDS} s. An attempt is reserved (counted) atomically before
 * the slow password check, so concurrent guesses cannot all slip through; a success gives its reservation back and
 * clears the account's counts, but never the address's earlier failures (else guesses at other accounts could be
 * washed away by logging in to one's own). A device that has logged in to the account before passes the
 * per-account count, so failures from elsewhere cannot lock its owner out. Counts an hour old are forgotten.
 * No thread sleeps. The counts are the store's {@link AbuseCounts}, so every server of the clinic sees them.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final long MAX_WAIT_SECONDS = 300;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final AbuseCounts counts;
    private final Clock clock;
    /**
     * Keys the pseudonyms of accounts in the log: derived from the server's secret when one is configured, so that
     * every server of the clinic names an account alike; otherwise new at each start.
     */
    private final SecretKey pseudonymKey;

    /** For the container's proxy only. */
    protected LoginThrottle() {
        this(null, null);
    }

    @Inject
    public LoginThrottle(AbuseCounts counts, Clock clock, AppConfig config) {
        this(counts, clock, config.deviceKey());
    }

    /** A throttle whose log pseudonyms are new with it. */
    public LoginThrottle(AbuseCounts counts, Clock clock) {
        this(counts, clock, Optional.empty());
    }

    LoginThrottle(AbuseCounts counts, Clock clock, Optional<String> serverSecret) {
        this.counts = counts;
        this.clock = clock;
        this.pseudonymKey = serverSecret
                .<SecretKey>map(secret -> new SecretKeySpec(mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256"), "log pseudonyms"), "HmacSHA256"))
                .orElseGet(LoginThrottle::newKey);
    }

    /** A login attempt that has been counted; tell it how the password check went. */
    public final class Attempt {
        private final List<String> keys;
        /** Per key, the wait before this attempt was counted, and the tally its count made. */
        private final Map<String, Instant> blockedBefore;
        private final Map<String, FailureTally> counted;
        private boolean settled;

        private Attempt(List<String> keys, Map<String, Instant> blockedBefore, Map<String, FailureTally> counted) {
            this.keys = keys;
            this.blockedBefore = blockedBefore;
            this.counted = counted;
        }

        /** The password was right: the reservation is given back and the account's counts cleared. */
        public void succeeded() {
            if (!settle()) {
                return;
            }
            update(keys, tallies -> {
                for (String key : keys) {
                    FailureTally tally = tallies.get(key);
                    if (key.startsWith(ADDRESS) && tally != null && tally.count() > 1) {
                        tallies.put(key, undone(tally, blockedBefore.get(key), counted.get(key).blockedUntil()));
                    } else {
                        tallies.remove(key);
                    }
                }
                return null;
            });
        }

        /** The password was wrong: the attempt stays counted (and is logged as it was counted). */
        public void failed() {
            if (!settle()) {
                return;
            }
            counted.forEach((key, tally) -> {
                if (tally.count() >= FREE_ATTEMPTS) {
                    LOG.warning(() -> "Login failures: " + tally.count() + " for " + loggable(key)
                            + "; next attempt heard after " + tally.blockedUntil());
                }
            });
        }

        private synchronized boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }

    /**
     * Counts an attempt for this account from this address, or answers how long to wait when one of its counts
     * is at its limit. {@code knownDevice}: the browser showed the device mark of this account.
     */
    public Reservation reserve(String email, String address, boolean knownDevice) {
        List<String> keys = keys(email, address, knownDevice);
        return update(keys, tallies -> {
            Instant now = now();
            Optional<Duration> wait = waitFor(tallies, now);
            if (wait.isPresent()) {
                return new Reservation(null, wait.get());
            }
            Map<String, Instant> blockedBefore = new HashMap<>();
            Map<String, FailureTally> counted = new HashMap<>();
            for (String key : keys) {
                FailureTally before = tallies.get(key);
                blockedBefore.put(key, before == null ? null : before.blockedUntil());
                counted.put(key, counted(before, now));
            }
            tallies.putAll(counted);
            return new Reservation(new Attempt(keys, blockedBefore, counted), Duration.ZERO);
        });
    }

    /** How long an attempt would have to wait now, without counting one. */
    Optional<Duration> waitFor(String email, String address, boolean knownDevice) {
        return update(keys(email, address, knownDevice), tallies -> waitFor(tallies, now()));
    }

    private <T> T update(List<String> keys, Function<Map<String, FailureTally>, T> change) {
        return counts.updateTallies(keys, now().minus(FORGET_AFTER), change);
    }

    /** To the microsecond, as the counts keep their instants. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> keys(String email, String address, boolean knownDevice) {
        return knownDevice ? List.of(pairKey(email, address), addressKey(address))
                : List.of(pairKey(email, address), addressKey(address), accountKey(email));
    }

    private static Optional<Duration> waitFor(Map<String, FailureTally> tallies, Instant now) {
        Instant until = null;
        for (FailureTally tally : tallies.values()) {
            Instant blocked = tally.blockedUntil();
            if (blocked != null && blocked.isAfter(now)) {
                until = until == null || blocked.isAfter(until) ? blocked : until;
            }
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** One more failure: from {@value #FREE_ATTEMPTS} on, each blocks the next for 2 s, doubling up to the most. */
    private static FailureTally counted(FailureTally tally, Instant now) {
        int count = (tally == null ? 0 : tally.count()) + 1;
        Instant blockedUntil = count >= FREE_ATTEMPTS
                ? now.plusSeconds(Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, count - FREE_ATTEMPTS + 1)))
                : null;
        return new FailureTally(count, now, blockedUntil);
    }

    /**
     * The count without the attempt, and the wait as it was before it, unless a later attempt has started
     * another since.
     */
    private static FailureTally undone(FailureTally tally, Instant blockedBefore, Instant blockedByIt) {
        int count = tally.count() - 1;
        Instant blocked = count < FREE_ATTEMPTS ? null
                : Objects.equals(tally.blockedUntil(), blockedByIt) ? blockedBefore : tally.blockedUntil();
        return new FailureTally(count, tally.last(), blocked);
    }

    /** Either an attempt that may go ahead, or the wait before the next one is heard. */
    public record Reservation(Attempt attempt, Duration retryAfter) {

        public Optional<Attempt> granted() {
            return Optional.ofNullable(attempt);
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

    /** A key as the log may show it: accounts by a pseudonym (see {@link #pseudonymKey}), never the address. */
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
}
