package org.clinic.appointments.infrastructure.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.ledger.Ledger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What a load balancer or orchestrator asks the server: ready = the ledger is loaded, its data directory
 * writable and its disk above the configured free space; live = the ledger answers a read.
 */
@ApplicationScoped
public class LedgerHealth {

    @Inject
    Ledger ledger;

    @Inject
    AppConfig config;

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("ledger");
            Path dir = ledger.dataDirectory();
            boolean writable = Files.isDirectory(dir) && Files.isWritable(dir);
            long free;
            try {
                free = Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                free = -1;
            }
            boolean enoughSpace = free >= config.minFreeDiskBytes();
            return response.status(writable && enoughSpace)
                    .withData("appointments", ledger.appointmentCount())
                    .withData("dataDirectoryWritable", writable)
                    .withData("freeDiskBytes", free)
                    .withData("minFreeDiskBytes", config.minFreeDiskBytes())
                    .withData("journalBytes", ledger.journalSize())
                    .build();
        };
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> {
            try {
                return HealthCheckResponse.named("ledger").up().withData("appointments", ledger.appointmentCount()).build();
            } catch (RuntimeException lockedOrBroken) {
                return HealthCheckResponse.named("ledger").down().withData("error", lockedOrBroken.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
