package org.clinic.appointments.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failures for one account or one address, each
 * further attempt must wait, 2 s at first and doubling up to {@value #MAX_WAIT_SECONDS} s. No thread sleeps.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final long MAX_WAIT_SECONDS = 300;
    private static final int MAX_TRACKED = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private static final String ACCOUNT = "account ";

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Keys the pseudonyms of accounts in the log; new at each start, so they cannot be matched across restarts. */
    private final javax.crypto.SecretKey pseudonymKey = newPseudonymKey();
    private final Clock clock;

    /** For the container's proxy only. */
    protected LoginThrottle() {
        this(null);
    }

    @Inject
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before an attempt for this account from this address is heard. */
    public Optional<Duration> retryAfter(String email, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(accountKey(email)), blockedUntil(addressKey(address)));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        for (String key : new String[] {accountKey(email), addressKey(address)}) {
            Failures f = failures.compute(key, (k, old) -> (old == null ? new Failures() : old).fail(now));
            if (f.count >= FREE_ATTEMPTS) {
                LOG.warning(() -> "Login failures: " + f.count + " for " + loggable(key) + "; next attempt heard after "
                        + f.blockedUntil);
            }
        }
    }

    public void succeeded(String email, String address) {
        failures.remove(accountKey(email));
        failures.remove(addressKey(address));
    }

    private static javax.crypto.SecretKey newPseudonymKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
    }

    private Instant blockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? null : f.blockedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private void forgetOld(Instant now) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last.plus(FORGET_AFTER).isBefore(now));
        }
    }

    private static String accountKey(String email) {
        return ACCOUNT + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** An account key as the log may show it: a pseudonym, stable while the server runs, never the address. */
    private String loggable(String key) {
        if (!key.startsWith(ACCOUNT)) {
            return key;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] digest = mac.doFinal(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "account #" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.GeneralSecurityException e) {
            return "an account";
        }
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;

        Failures fail(Instant now) {
            count++;
            last = now;
            if (count >= FREE_ATTEMPTS) {
                long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, count - FREE_ATTEMPTS + 1));
                blockedUntil = now.plusSeconds(wait);
            }
            return this;
        }
    }
}
