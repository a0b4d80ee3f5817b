package org.clinic.appointments.application;

import java.util.LinkedHashSet;
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

import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Gives back, every {@code appointments.reversal-retry-minutes}, the charges that were never recorded and that the
 * gateway could not give back at once. Each server does it; the gateway gives one charge back once, and the
 * appointment notes it once.
 */
@Singleton
@Startup
public class OwedReversals {

    private static final Logger LOG = Logger.getLogger(OwedReversals.class.getName());
    private static final int PAGE = 500;

    @Resource
    TimerService timers;

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    @Inject
    ChargeRecording charges;

    @PostConstruct
    void schedule() {
        long interval = config.reversalRetryMinutes() * 60_000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("owed-reversals", false));
    }

    @Timeout
    void retry() {
        try {
            int givenBack = giveBack();
            if (givenBack > 0) {
                LOG.info(() -> givenBack + " owed charge(s) given back");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Owed charges wait for the next attempt: " + e.getMessage());
        }
    }

    /** Gives back every owed charge the gateway now takes back; answers how many. */
    int giveBack() {
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
        for (String id : owing) {
            givenBack += book.appointment(id).map(charges::giveBackOwed).orElse(0);
        }
        return givenBack;
    }
}
