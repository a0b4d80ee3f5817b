package org.clinic.appointments.infrastructure.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the product, each with its documented default (see the README). A system property or an
 * environment variable overrides it, e.g. {@code -Dappointments.hold-minutes=5} or {@code APPOINTMENTS_HOLD_MINUTES=5}.
 */
@ApplicationScoped
public class AppConfig {

    public static final String ADMIN_CODE = "appointments.admin-code";
    public static final String ADMIN_CODE_ENV = "ADMIN_REGISTRATION_CODE";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "appointments.data-dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "appointments.time-zone", defaultValue = "Asia/Kolkata")
    String timeZone;

    @Inject
    @ConfigProperty(name = "appointments.slot-times",
            defaultValue = "09:00 AM,10:00 AM,11:00 AM,12:00 PM,02:00 PM,03:00 PM,04:00 PM,05:00 PM")
    List<String> slotTimes;

    @Inject
    @ConfigProperty(name = "appointments.booking-horizon-days", defaultValue = "30")
    int bookingHorizonDays;

    @Inject
    @ConfigProperty(name = "appointments.hold-minutes", defaultValue = "15")
    int holdMinutes;

    @Inject
    @ConfigProperty(name = "appointments.payment-success-rate", defaultValue = "0.9")
    double paymentSuccessRate;

    @Inject
    @ConfigProperty(name = "appointments.journal-compact-bytes", defaultValue = "67108864")
    long journalCompactBytes;

    @Inject
    @ConfigProperty(name = "appointments.password-hash-iterations", defaultValue = "210000")
    int passwordHashIterations;

    public String dataDir() {
        return dataDir;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public List<String> slotTimes() {
        return List.copyOf(slotTimes);
    }

    public int bookingHorizonDays() {
        return bookingHorizonDays;
    }

    public int holdMinutes() {
        return holdMinutes;
    }

    public double paymentSuccessRate() {
        return paymentSuccessRate;
    }

    public long journalCompactBytes() {
        return journalCompactBytes;
    }

    public int passwordHashIterations() {
        return passwordHashIterations;
    }

    /** The admin registration code; absent means admin registration is closed. Read on every use. */
    public Optional<String> adminCode() {
        return config.getOptionalValue(ADMIN_CODE, String.class)
                .or(() -> config.getOptionalValue(ADMIN_CODE_ENV, String.class))
                .map(String::strip)
                .filter(code -> !code.isEmpty());
    }

    /** Compares in constant time: hashes first, so neither the content nor the length leaks through timing. */
    public boolean isAdminCode(String candidate) {
        Optional<String> expected = adminCode();
        if (expected.isEmpty() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected.get()), sha256(candidate.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
