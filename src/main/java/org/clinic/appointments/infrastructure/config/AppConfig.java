package org.clinic.appointments.infrastructure.config;

import static org.clinic.appointments.infrastructure.config.SettingValues.atLeast;
import static org.clinic.appointments.infrastructure.config.SettingValues.checkWebAddress;
import static org.clinic.appointments.infrastructure.config.SettingValues.duration;
import static org.clinic.appointments.infrastructure.config.SettingValues.positive;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.math.BigDecimal;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.FreeText;

/**
 * Every setting of the product, each with its documented default (see the README). A system property or an
 * environment variable overrides it, e.g. {@code -Dappointments.hold-expiry=PT5M} or {@code APPOINTMENTS_HOLD_EXPIRY=PT5M}.
 */
@ApplicationScoped
public class AppConfig {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppConfig.class.getName());

    public static final String ADMIN_CODE = "appointments.admin-code";
    public static final String ADMIN_CODE_ENV = "ADMIN_REGISTRATION_CODE";
    public static final String METRICS_TOKEN = "appointments.metrics-token";
    public static final String DATA_DIR = "appointments.data-dir";
    public static final String DATA_DIR_DEFAULT = "data";
    public static final String STORE = "appointments.store";
    public static final String STORE_DEFAULT = "json";
    public static final String TIME_ZONE = "appointments.time-zone";
    public static final String TIME_ZONE_DEFAULT = "Asia/Kolkata";
    public static final String JOURNAL_COMPACT_BYTES = "appointments.journal-compact-bytes";
    public static final String JOURNAL_COMPACT_BYTES_DEFAULT = "67108864";

    @Inject
    Config config;

    /** Reads every setting as the application deploys: one that makes no sense fails the deployment, naming its key. */
    void deployed(@Observes @Initialized(ApplicationScoped.class) Object application) {
        checkAll();
    }

    /** Reads every public setting of this class, so a new one is checked at deployment without being listed here. */
    void checkAll() {
        for (Method setting : AppConfig.class.getDeclaredMethods()) {
            int modifiers = setting.getModifiers();
            if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && setting.getParameterCount() == 0) {
                read(setting);
            }
        }
    }

    private void read(Method setting) {
        try {
            setting.invoke(this);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    @ConfigProperty(name = DATA_DIR, defaultValue = DATA_DIR_DEFAULT)
    String dataDir;

    @Inject
    @ConfigProperty(name = STORE, defaultValue = STORE_DEFAULT)
    String store;

    @Inject
    @ConfigProperty(name = "appointments.datasource", defaultValue = "java:jboss/datasources/Appointments")
    String datasource;

    @Inject
    @ConfigProperty(name = TIME_ZONE, defaultValue = TIME_ZONE_DEFAULT)
    String timeZone;

    @Inject
    @ConfigProperty(name = "appointments.slot-times",
            defaultValue = "09:00 AM,10:00 AM,11:00 AM,12:00 PM,02:00 PM,03:00 PM,04:00 PM,05:00 PM")
    List<String> slotTimes;

    @Inject
    @ConfigProperty(name = "appointments.working-days", defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY")
    List<String> workingDays;

    @Inject
    @ConfigProperty(name = "appointments.booking-horizon-days", defaultValue = "30")
    int bookingHorizonDays;

    private volatile ClinicRules rules;

    @Inject
    @ConfigProperty(name = "appointments.hold-expiry", defaultValue = "PT15M")
    String holdExpiry;

    @Inject
    @ConfigProperty(name = "appointments.hold-sweep-seconds", defaultValue = "30")
    int holdSweepSeconds;

    @Inject
    @ConfigProperty(name = "appointments.reversal-retry-minutes", defaultValue = "5")
    int reversalRetryMinutes;

    @Inject
    @ConfigProperty(name = "appointments.max-open-holds", defaultValue = "3")
    int maxOpenHolds;

    @Inject
    @ConfigProperty(name = "appointments.export-max-rows", defaultValue = "100000")
    int exportMaxRows;

    @Inject
    @ConfigProperty(name = "appointments.export-max-document-rows", defaultValue = "10000")
    int exportMaxDocumentRows;

    @Inject
    @ConfigProperty(name = "appointments.max-active-bookings", defaultValue = "4")
    int maxActiveBookings;

    @Inject
    @ConfigProperty(name = "appointments.max-bookings-per-doctor", defaultValue = "2")
    int maxBookingsPerDoctor;

    @Inject
    @ConfigProperty(name = "appointments.max-bookings-per-day", defaultValue = "2")
    int maxBookingsPerDay;

    @Inject
    @ConfigProperty(name = "appointments.max-reschedules", defaultValue = "3")
    int maxReschedules;

    @Inject
    @ConfigProperty(name = "appointments.max-changes", defaultValue = "30")
    int maxChanges;

    @Inject
    @ConfigProperty(name = "appointments.change-window", defaultValue = "PT10M")
    String changeWindow;

    @Inject
    @ConfigProperty(name = "appointments.cancel-cutoff", defaultValue = "PT24H")
    String cancelCutoff;

    @Inject
    @ConfigProperty(name = "appointments.visit-length", defaultValue = "PT30M")
    String visitLength;

    @Inject
    @ConfigProperty(name = "appointments.consultation-fee", defaultValue = "500")
    BigDecimal consultationFee;

    @Inject
    @ConfigProperty(name = "appointments.payment-success-rate", defaultValue = "0.9")
    double paymentSuccessRate;

    @Inject
    @ConfigProperty(name = "appointments.payment-test-cards", defaultValue = "false")
    boolean paymentTestCards;

    @Inject
    @ConfigProperty(name = JOURNAL_COMPACT_BYTES, defaultValue = JOURNAL_COMPACT_BYTES_DEFAULT)
    long journalCompactBytes;

    @Inject
    @ConfigProperty(name = "appointments.min-free-disk-bytes", defaultValue = "104857600")
    long minFreeDiskBytes;

    @Inject
    @ConfigProperty(name = "appointments.password-hash-iterations", defaultValue = "210000")
    int passwordHashIterations;

    @Inject
    @ConfigProperty(name = "appointments.max-concurrent-hashing", defaultValue = "2")
    int maxConcurrentHashing;

    @Inject
    @ConfigProperty(name = "appointments.max-registrations-per-address", defaultValue = "20")
    int maxRegistrationsPerAddress;

    @Inject
    @ConfigProperty(name = "appointments.registration-window", defaultValue = "PT1H")
    String registrationWindow;

    @Inject
    @ConfigProperty(name = "appointments.invitation-expiry", defaultValue = "PT72H")
    String invitationExpiry;

    @Inject
    @ConfigProperty(name = "appointments.max-request-bytes", defaultValue = "2097152")
    long maxRequestBytes;

    @Inject
    @ConfigProperty(name = "appointments.clinic-name", defaultValue = "Healthcare Plus")
    String clinicName;

    @Inject
    @ConfigProperty(name = "appointments.clinic-address", defaultValue = "")
    Optional<String> clinicAddress;

    @Inject
    @ConfigProperty(name = "appointments.mail-send-seconds", defaultValue = "10")
    int mailSendSeconds;

    @Inject
    @ConfigProperty(name = "appointments.mail-max-attempts", defaultValue = "8")
    int mailMaxAttempts;

    @Inject
    @ConfigProperty(name = "appointments.mail-retry-after", defaultValue = "PT1M")
    String mailRetryAfter;

    @Inject
    @ConfigProperty(name = "appointments.reminders", defaultValue = "PT24H,PT2H")
    List<String> reminders;

    /** How long before a visit its reminders go out. */
    public List<Duration> reminders() {
        return reminders.stream().map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> positive("appointments.reminders", r)).toList();
    }

    @Inject
    @ConfigProperty(name = "appointments.reset-expiry", defaultValue = "PT1H")
    String resetExpiry;

    /** How long a password-reset link works. */
    public Duration resetExpiry() {
        return positive("appointments.reset-expiry", resetExpiry);
    }

    @Inject
    @ConfigProperty(name = "appointments.verify-expiry", defaultValue = "P2D")
    String verifyExpiry;

    /** How long an e-mail verification link works. */
    public Duration verifyExpiry() {
        return positive("appointments.verify-expiry", verifyExpiry);
    }

    @Inject
    @ConfigProperty(name = "appointments.email-verification", defaultValue = "true")
    boolean emailVerification;

    /** Whether new patients verify their address (only where a mail server is configured to send the link). */
    public boolean emailVerification() {
        return emailVerification;
    }

    @Inject
    @ConfigProperty(name = "appointments.public-url")
    Optional<String> publicUrl;

    /**
     * The address patients reach the application at (for links in mail), ending with a slash; empty when unset
     * (then the address the request came to serves, which a forged Host header can change).
     */
    public Optional<String> publicUrl() {
        Optional<String> url = publicUrl.map(String::strip).filter(value -> !value.isEmpty());
        url.ifPresent(value -> checkWebAddress("appointments.public-url", value));
        return url.map(value -> value.endsWith("/") ? value : value + "/");
    }


    public static final String SESSION_TIMEOUT = "appointments.session-timeout";
    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    @Inject
    @ConfigProperty(name = SESSION_TIMEOUT, defaultValue = "PT30M")
    String sessionTimeout;

    /** How long a signed-in person may leave the application alone before they are signed out (at most 12 hours). */
    public Duration sessionTimeout() {
        Duration timeout = positive(SESSION_TIMEOUT, sessionTimeout);
        if (timeout.compareTo(LONGEST_SESSION) > 0) {
            throw new IllegalArgumentException(SESSION_TIMEOUT + " must be at most " + LONGEST_SESSION + ", not '"
                    + sessionTimeout + "'");
        }
        return timeout;
    }

    @Inject
    @ConfigProperty(name = "appointments.waitlist-offer", defaultValue = "PT30M")
    String waitlistOffer;

    /** How long a freed slot is held for the waiting patient it is offered to. */
    public Duration waitlistOffer() {
        return positive("appointments.waitlist-offer", waitlistOffer);
    }

    @Inject
    @ConfigProperty(name = "appointments.line-limit", defaultValue = "24")
    int lineLimit;

    /** Booking requests served at once before people opening the booking page wait in line; 0: no line. */
    public int lineLimit() {
        return atLeast("appointments.line-limit", 0, lineLimit);
    }

    @Inject
    @ConfigProperty(name = "appointments.line-refresh-seconds", defaultValue = "2")
    int lineRefreshSeconds;

    /** How often the "You are in line" page asks again by itself. */
    public int lineRefreshSeconds() {
        return atLeast("appointments.line-refresh-seconds", 1, lineRefreshSeconds);
    }

    @Inject
    @ConfigProperty(name = "appointments.warm-up-seconds", defaultValue = "60")
    int warmUpSeconds;

    /** How long the server asks for its own public pages after it starts, before it reports ready; 0: not at all. */
    public int warmUpSeconds() {
        return atLeast("appointments.warm-up-seconds", 0, warmUpSeconds);
    }

    @Inject
    @ConfigProperty(name = "appointments.warm-up-url")
    Optional<String> warmUpUrl;

    @Inject
    @ConfigProperty(name = "jboss.bind.address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "jboss.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "jboss.socket.binding.port-offset", defaultValue = "0")
    int portOffset;

    /**
     * Where the warm-up reaches this server, without the application's path: by default WildFly's bound address
     * (the loopback address when it listens on every address) at its HTTP port and port offset; 8080 elsewhere.
     */
    public String warmUpUrl() {
        String host = Set.of("0.0.0.0", "::", "[::]").contains(bindAddress.strip()) ? "127.0.0.1"
                : bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress.strip() + "]"
                : bindAddress.strip();
        String url = warmUpUrl.map(String::strip).filter(value -> !value.isEmpty())
                .orElse("http://" + host + ":" + (httpPort + portOffset));
        checkWebAddress("appointments.warm-up-url", url);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String clinicName() {
        return clinicName;
    }

    public String clinicAddress() {
        return clinicAddress.orElse("");
    }

    public int mailSendSeconds() {
        return atLeast("appointments.mail-send-seconds", 1, mailSendSeconds);
    }

    /** Attempts before a message is given up. */
    public int mailMaxAttempts() {
        return atLeast("appointments.mail-max-attempts", 1, mailMaxAttempts);
    }

    /** The wait after the first failed attempt; it doubles after each further one (at most a day). */
    public Duration mailRetryAfter() {
        return positive("appointments.mail-retry-after", mailRetryAfter);
    }

    public StoreKind store() {
        return StoreKind.fromCode(store);
    }

    /** The JNDI name of the PostgreSQL store's datasource. */
    public String datasource() {
        return datasource;
    }

    public String dataDir() {
        return dataDir;
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(TIME_ZONE + " must be a time zone such as Asia/Kolkata, not '" + timeZone + "'",
                    e);
        }
    }

    public List<String> slotTimes() {
        return slotTimes.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The week of a doctor without a working plan of their own: the slot times on the working days. */
    public ClinicSchedule.DefaultWeek defaultWeek() {
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        for (String day : workingDays) {
            try {
                days.add(java.time.DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("appointments.working-days: '" + day + "' is not a day such as MONDAY", e);
            }
        }
        return new ClinicSchedule.DefaultWeek(days, rules().slotTimes());
    }

    public int bookingHorizonDays() {
        return bookingHorizonDays;
    }

    /** The booking rules these settings make; a setting that makes no sense stops start-up with its name. */
    private volatile BookingLimits limits;

    public ClinicRules rules() {
        ClinicRules made = rules;
        if (made == null) {
            ZoneId zone = zone();
            Duration hold = duration("appointments.hold-expiry", holdExpiry);
            Duration cutOff = duration("appointments.cancel-cutoff", cancelCutoff);
            try {
                made = new ClinicRules(zone, slotTimes(), bookingHorizonDays, hold, cutOff, maxOpenHolds);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The booking rules' settings (appointments.slot-times,"
                        + " appointments.booking-horizon-days, appointments.hold-expiry, appointments.cancel-cutoff,"
                        + " appointments.max-open-holds) make no sense: " + e.getMessage(), e);
            }
            rules = made;
        }
        return made;
    }

    public int holdSweepSeconds() {
        return atLeast("appointments.hold-sweep-seconds", 1, holdSweepSeconds);
    }

    /** How often charges owed back (the gateway could not reverse them at once) are given back again. */
    public int reversalRetryMinutes() {
        return atLeast("appointments.reversal-retry-minutes", 1, reversalRetryMinutes);
    }

    /** How long a visit is put in the patient's calendar. */
    public Duration visitLength() {
        return positive("appointments.visit-length", visitLength);
    }

    public BigDecimal consultationFee() {
        if (consultationFee.signum() < 0) {
            throw new IllegalArgumentException("appointments.consultation-fee cannot be negative, not "
                    + consultationFee);
        }
        return consultationFee;
    }

    /** What one patient may hold and change (see {@link BookingLimits}). */
    public BookingLimits limits() {
        BookingLimits made = limits;
        if (made == null) {
            Duration window = duration("appointments.change-window", changeWindow);
            try {
                made = new BookingLimits(maxOpenHolds, maxActiveBookings, maxBookingsPerDoctor, maxBookingsPerDay,
                        maxReschedules, maxChanges, window, zone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The booking limits' settings (appointments.max-open-holds,"
                        + " appointments.max-active-bookings, appointments.max-bookings-per-doctor,"
                        + " appointments.max-bookings-per-day, appointments.max-reschedules, appointments.max-changes,"
                        + " appointments.change-window) make no sense: " + e.getMessage(), e);
            }
            limits = made;
        }
        return made;
    }



    public double paymentSuccessRate() {
        if (!(paymentSuccessRate >= 0 && paymentSuccessRate <= 1)) {
            throw new IllegalArgumentException("appointments.payment-success-rate must be between 0 and 1, not "
                    + paymentSuccessRate);
        }
        return paymentSuccessRate;
    }

    /** Whether the gateway's test cards (always succeeds, always declined) are honoured: for tests and demos only. */
    public boolean paymentTestCards() {
        return paymentTestCards;
    }

    /** Below this much free space in the data directory's file system the server reports itself not ready. */
    public long minFreeDiskBytes() {
        return atLeast("appointments.min-free-disk-bytes", 0, minFreeDiskBytes);
    }

    public long journalCompactBytes() {
        return atLeast(JOURNAL_COMPACT_BYTES, 1, journalCompactBytes);
    }

    /** The largest request body accepted; larger ones are thrown away unparsed and answered 413. */
    public long maxRequestBytes() {
        return atLeast("appointments.max-request-bytes", MIN_REQUEST_BYTES, maxRequestBytes);
    }

    /** The smallest request limit accepted: below it even the sign-in form could be refused. */
    static final long MIN_REQUEST_BYTES = 16384;

    /** How many new accounts' passwords may be hashed at once; more sign-ups are answered "busy". */
    public int maxConcurrentHashing() {
        return atLeast("appointments.max-concurrent-hashing", 1, maxConcurrentHashing);
    }

    /** How many patient sign-ups one client address may make per {@link #registrationWindow()}. */
    public int maxRegistrationsPerAddress() {
        return atLeast("appointments.max-registrations-per-address", 1, maxRegistrationsPerAddress);
    }

    public Duration registrationWindow() {
        return positive("appointments.registration-window", registrationWindow);
    }

    /** How long an admin invitation link stays usable. */
    public Duration invitationExpiry() {
        return positive("appointments.invitation-expiry", invitationExpiry);
    }

    /** The fewest PBKDF2 iterations accepted for new password hashes: the least Jakarta Security's PBKDF2 takes. */
    public static final int MIN_PASSWORD_HASH_ITERATIONS = 1024;

    public int passwordHashIterations() {
        return atLeast("appointments.password-hash-iterations", MIN_PASSWORD_HASH_ITERATIONS, passwordHashIterations);
    }

    /** The shortest admin registration code accepted: a shorter one keeps admin registration closed. */
    public static final int MIN_ADMIN_CODE_LENGTH = 16;

    /**
     * The admin registration code; absent means admin registration is closed: none is configured, or the one
     * configured is shorter than {@value #MIN_ADMIN_CODE_LENGTH} characters (logged once). Read on every use.
     */
    public Optional<String> adminCode() {
        Optional<String> configured = configuredAdminCode();
        if (configured.isPresent() && FreeText.length(configured.get()) < MIN_ADMIN_CODE_LENGTH) {
            if (!configured.get().equals(shortCodeWarned)) {
                shortCodeWarned = configured.get();
                LOG.warning(() -> "Admin registration stays closed: the configured admin registration code ("
                        + ADMIN_CODE + " / " + ADMIN_CODE_ENV + ") is shorter than " + MIN_ADMIN_CODE_LENGTH
                        + " characters");
            }
            return Optional.empty();
        }
        return configured;
    }

    /** Whether an admin registration code is configured but too short to be used. */
    public boolean adminCodeTooShort() {
        return configuredAdminCode().filter(code -> FreeText.length(code) < MIN_ADMIN_CODE_LENGTH).isPresent();
    }

    private volatile String shortCodeWarned;

    private Optional<String> configuredAdminCode() {
        return config.getOptionalValue(ADMIN_CODE, String.class)
                .or(() -> config.getOptionalValue(ADMIN_CODE_ENV, String.class))
                .map(String::strip)
                .filter(code -> !code.isEmpty());
    }

    public boolean isAdminCode(String candidate) {
        return matches(adminCode(), candidate);
    }

    /** The token a metrics scraper sends; absent means the metrics endpoint is off. Read on every use. */
    public Optional<String> metricsToken() {
        return config.getOptionalValue(METRICS_TOKEN, String.class).map(String::strip).filter(token -> !token.isEmpty());
    }

    public static final String DEVICE_KEY = "appointments.device-key";
    public static final int MIN_DEVICE_KEY_LENGTH = 32;

    /**
     * The server's secret for the login throttle's device marks and the log's account pseudonyms; absent means one
     * is made at start-up, and marks and pseudonyms made before a restart, or at another server, are not recognised.
     *
     * @throws IllegalArgumentException when one is configured that is shorter than {@value #MIN_DEVICE_KEY_LENGTH}
     *     characters: a guessable key would let anyone forge a device mark
     */
    public Optional<String> deviceKey() {
        return deviceKey(config.getOptionalValue(DEVICE_KEY, String.class));
    }

    static Optional<String> deviceKey(Optional<String> configured) {
        Optional<String> key = configured.map(String::strip).filter(value -> !value.isEmpty());
        int length = key.map(FreeText::length).orElse(0);
        if (key.isPresent() && length < MIN_DEVICE_KEY_LENGTH) {
            throw new IllegalArgumentException(DEVICE_KEY + " (env APPOINTMENTS_DEVICE_KEY) must be at least "
                    + MIN_DEVICE_KEY_LENGTH + " characters, not " + length);
        }
        return key;
    }

    public boolean isMetricsToken(String candidate) {
        return matches(metricsToken(), candidate);
    }

    /** Compares in constant time: hashes first, so neither the content nor the length leaks through timing. */
    private static boolean matches(Optional<String> expected, String candidate) {
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

    /** The most rows an admin table exports as CSV. */
    public int exportMaxRows() {
        return atLeast("appointments.export-max-rows", 0, exportMaxRows);
    }

    /** The most rows an admin table exports as Excel or PDF (each built whole in the server's memory). */
    public int exportMaxDocumentRows() {
        return atLeast("appointments.export-max-document-rows", 0, exportMaxDocumentRows);
    }
}
