package org.clinic.appointments.application;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;

/**
 * Gives back the charges that were never recorded and that the gateway could not give back at once: soon after the
 * start, then every {@code appointments.reversal-retry-minutes}. Each server does it; the gateway gives one charge
 * back once, and the appointment notes it once.
 */
@Singleton
@Startup
public class OwedReversals {

    private static final Logger LOG = Logger.getLogger(OwedReversals.class.getName());
    private static final int PAGE = 500;
    /** What was owed when the server stopped is given back this soon after it starts. */
    private static final Duration FIRST_ATTEMPT = Duration.ofSeconds(5);

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

    /** What one attempt did: the charges it gave back, and those still owed after it. */
    record Attempt(int givenBack, int stillOwed) {
    }

    @PostConstruct
    void schedule() {
        long interval = config.reversalRetryMinutes() * 60_000L;
        timers.createIntervalTimer(FIRST_ATTEMPT.toMillis(), interval, new TimerConfig("owed-reversals", false));
    }

    @Timeout
    void retry() {
        try {
            Attempt attempt = giveBack();
            metrics.chargesOwed(attempt.stillOwed());
            if (attempt.givenBack() > 0 || attempt.stillOwed() > 0) {
                LOG.info(() -> attempt.givenBack() + " owed charge(s) given back, " + attempt.stillOwed()
                        + " still owed");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Owed charges wait for the next attempt: " + e.getMessage());
        }
    }

    /** Gives back every owed charge the gateway now takes back. */
    Attempt giveBack() {
        Set<String> owing = new LinkedHashSet<>();
        AuditQuery owed = new AuditQuery(null, ChargeReversals.OWED, null, null);
        for (int first = 0;; first += PAGE) {
            Page<AuditEntry> page = book.audit(owed, first, PAGE);
            page.rows().forEach(entry -> owing.add(entry.appointmentId()));
            if (page.rows().size() < PAGE) {
                break;
            }
        }
        int givenBack = 0;
        int stillOwed = 0;
        for (String id : owing) {
            Optional<Appointment> appointment = book.appointment(id);
            if (appointment.isPresent()) {
                int owedBefore = ChargeReversals.owed(appointment.get()).size();
                int now = charges.giveBackOwed(appointment.get());
                givenBack += now;
                stillOwed += owedBefore - now;
            }
        }
        return new Attempt(givenBack, stillOwed);
    }
}
