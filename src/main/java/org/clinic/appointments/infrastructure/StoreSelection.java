package org.clinic.appointments.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.config.StoreKind;
import org.clinic.appointments.infrastructure.ledger.Ledger;
import org.clinic.appointments.infrastructure.memory.MemoryAbuseCounts;
import org.clinic.appointments.infrastructure.postgres.PostgresStore;

/** The store the application works with, as {@code appointments.store} says: the JSON ledger or PostgreSQL. */
@ApplicationScoped
public class StoreSelection {

    @Inject
    AppConfig config;

    @Inject
    Ledger ledger;

    @Inject
    PostgresStore postgres;

    /** Opens the chosen store while the application deploys, so a store that cannot open fails the deployment. */
    void deployed(@Observes @Initialized(ApplicationScoped.class) Object application) {
        book();
    }

    @Produces
    @ApplicationScoped
    AppointmentBook book() {
        return config.store() == StoreKind.JSON ? ledger : postgres.book();
    }

    /** The JSON ledger runs on one server, which keeps the counts in memory; PostgreSQL shares them. */
    @Produces
    @ApplicationScoped
    AbuseCounts abuseCounts() {
        return config.store() == StoreKind.JSON ? new MemoryAbuseCounts() : postgres.abuseCounts();
    }
}
