package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;

/**
 * Gives back the charges noted as owed (refunds, and charges never recorded) that the gateway could not give back at
 * once: soon after the start, then every {@code appointments.reversal-retry-minutes}. Each server does it; the gateway
 * gives one charge back once, and the appointment notes it once. The first attempt reads every owed note of the audit
 * trail; later ones only those since the oldest still owed, or since the last attempt, less {@link #MARGIN}. A use
 * case that notes many charges owed at once (a doctor's leave) asks for an attempt {@link #soon}, so its request does
 * not wait for the gateway once per charge.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OwedReversals {

    private static final Logger LOG = Logger.getLogger(OwedReversals.class.getName());
    private static final int PAGE = 500;
    /** What was owed when the server stopped is given back this soon after it starts. */
    private static final Duration FIRST_ATTEMPT = Duration.ofSeconds(5);
    /** For notes stored by another server whose clock is behind, or committed after this attempt read the trail. */
    static final Duration MARGIN = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    @Inject
    ChargeRecording charges;

    @Inject
    ClinicMetrics metrics;

    @Inject
    Clock clock;

    /** One attempt at a time; one asked for meanwhile runs after it, so it reads what was noted since. */
    private final ReentrantLock attempting = new ReentrantLock();

    /** Every charge noted as owed before this was given back (null until the first attempt); read under the lock. */
    private Instant settledBefore;

    /** What one attempt did: the charges it gave back, and those still owed after it. */
    record Attempt(int givenBack, int stillOwed) {
    }

    @PostConstruct
    void schedule() {
        long interval = config.reversalRetryMinutes() * 60_000L;
        timers.createIntervalTimer(FIRST_ATTEMPT.toMillis(), interval, new TimerConfig("owed-reversals", false));
    }

    /** An attempt once the caller's transaction ends, besides those on the interval; the caller never waits for one. */
    public void soon() {
        timers.createSingleActionTimer(0, new TimerConfig("owed-reversals-now", false));
    }

    @Timeout
    void retry() {
        attempting.lock();
        try {
            Attempt attempt = giveBack();
            metrics.chargesOwed(attempt.stillOwed());
            if (attempt.givenBack() > 0 || attempt.stillOwed() > 0) {
                LOG.info(() -> attempt.givenBack() + " owed charge(s) given back, " + attempt.stillOwed()
                        + " still owed");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Owed charges wait for the next attempt: " + e.getMessage());
        } finally {
            attempting.unlock();
        }
    }

    /** Gives back every owed charge the gateway now takes back. */
    Attempt giveBack() {
        Instant started = clock.instant();
        Map<String, Instant> owing = new LinkedHashMap<>();
        AuditQuery owed = new AuditQuery(null, ChargeReversals.OWED, settledBefore, null);
        Page.forEachRow((first, max) -> book.audit(owed, first, max), PAGE,
                entry -> owing.put(entry.appointmentId(), entry.change().getAt()));
        int givenBack = 0;
        int stillOwed = 0;
        Instant oldestOwed = started;
        for (Map.Entry<String, Instant> owingSince : owing.entrySet()) {
            Optional<Appointment> appointment = book.appointment(owingSince.getKey());
            if (appointment.isPresent()) {
                int owedBefore = ChargeReversals.owed(appointment.get()).size();
                int now = charges.giveBackOwed(appointment.get());
                givenBack += now;
                stillOwed += owedBefore - now;
                if (owedBefore > now && owingSince.getValue().isBefore(oldestOwed)) {
                    oldestOwed = owingSince.getValue();
                }
            }
        }
        settledBefore = oldestOwed.minus(MARGIN);
        return new Attempt(givenBack, stillOwed);
    }
}
