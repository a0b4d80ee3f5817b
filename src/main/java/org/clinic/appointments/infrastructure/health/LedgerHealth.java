package org.clinic.appointments.infrastructure.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.ledger.Ledger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What a load balancer or orchestrator asks the server: ready = the ledger is loaded, its data directory
 * writable and its disk above the configured free space; live = the ledger is loading or answers a read. UP or DOWN only
 * (Payara serves health on the public port): the reason for DOWN goes to the log, the figures to the metrics.
 */
@ApplicationScoped
public class LedgerHealth {

    private static final Logger LOG = Logger.getLogger(LedgerHealth.class.getName());

    @Inject
    Ledger ledger;

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    private final AtomicReference<String> lastDownReason = new AtomicReference<>();

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            if (!ledger.inUse()) {
                return databaseAnswers();
            }
            if (!ledger.isOpen()) {
                return HealthCheckResponse.named("ledger").down().build();
            }
            Path dir = ledger.dataDirectory();
            boolean writable = Files.isDirectory(dir) && Files.isWritable(dir);
            long free = ledger.freeDiskBytes();
            String reason = !writable ? "the data directory is not writable"
                    : free < config.minFreeDiskBytes() ? "free disk is below appointments.min-free-disk-bytes" : null;
            if (reason != null && !reason.equals(lastDownReason.getAndSet(reason))) {
                LOG.warning(() -> "Not ready: " + reason + " (free " + free + " of at least " + config.minFreeDiskBytes()
                        + " bytes)");
            } else if (reason == null && lastDownReason.getAndSet(null) != null) {
                LOG.info("Ready again");
            }
            return HealthCheckResponse.named("ledger").status(reason == null).build();
        };
    }

    /** With the PostgreSQL store: ready while the database answers a read (the schedule: one small query). */
    private HealthCheckResponse databaseAnswers() {
        try {
            book.schedule();
            if (lastDownReason.getAndSet(null) != null) {
                LOG.info("Ready again: the database answers");
            }
            return HealthCheckResponse.named("store").up().build();
        } catch (RuntimeException unreachable) {
            if (!"database".equals(lastDownReason.getAndSet("database"))) {
                LOG.warning(() -> "Not ready: the database did not answer a read: " + unreachable);
            }
            return HealthCheckResponse.named("store").down().build();
        }
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> {
            try {
                if (ledger.inUse() && ledger.isOpen()) {
                    ledger.appointmentCount();
                }
                return HealthCheckResponse.named("ledger").up().build();
            } catch (RuntimeException lockedOrBroken) {
                LOG.warning(() -> "Not live: the ledger did not answer a read: " + lockedOrBroken);
                return HealthCheckResponse.named("ledger").down().build();
            }
        };
    }
}
