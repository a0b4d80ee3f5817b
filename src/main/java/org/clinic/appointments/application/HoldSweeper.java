package org.clinic.appointments.application;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;

/**
 * Cancels holds that ran out, every {@code appointments.hold-sweep-seconds}. Their slots are free from the
 * moment of expiry anyway (every read checks); the sweep puts the record's status right.
 */
@Singleton
@Startup
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    @Inject
    ClinicMetrics metrics;

    @PostConstruct
    void schedule() {
        config.rules();
        long interval = config.holdSweepSeconds() * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("hold-sweep", false));
    }

    @Timeout
    void sweep() {
        try {
            int expired = book.expireHolds();
            if (expired > 0) {
                metrics.holdsExpired(expired);
                LOG.info(() -> expired + " expired hold(s) cancelled");
            }
        } catch (StorageException e) {
            LOG.warning(() -> "Expired holds stay pending until the next sweep: " + e.getMessage());
        }
    }
}
