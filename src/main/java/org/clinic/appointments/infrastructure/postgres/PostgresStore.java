package org.clinic.appointments.infrastructure.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.WaitlistTerms;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.clinic.appointments.infrastructure.ledger.ClinicData;

/**
 * The PostgreSQL store of this server: its datasource (by JNDI name), its schema brought up to date, its settings.
 * An empty database is filled from the data directory ({@code appointments.data-dir}) first, so a new clinic starts
 * with its doctors as on the JSON ledger.
 */
@ApplicationScoped
public class PostgresStore {

    private static final Logger LOG = Logger.getLogger(PostgresStore.class.getName());

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Inject
    ClinicMetrics metrics;

    private volatile PostgresBook book;
    private volatile PostgresAbuseCounts abuseCounts;

    /** The store, opened on first use: the schema migrated (or refused) first. */
    public PostgresBook book() {
        PostgresBook opened = book;
        if (opened == null) {
            synchronized (this) {
                if (book == null) {
                    book = open();
                }
                opened = book;
            }
        }
        return opened;
    }

    /** The counts that slow abuse, in the same database. */
    public PostgresAbuseCounts abuseCounts() {
        book();
        return abuseCounts;
    }

    private PostgresBook open() {
        DataSource dataSource;
        try {
            dataSource = InitialContext.doLookup(config.datasource());
        } catch (NamingException e) {
            throw new IllegalStateException("appointments.store=postgresql needs the datasource "
                    + config.datasource() + " (see wildfly-config/postgresql.cli): " + e.getMessage(), e);
        }
        String version = PostgresSchema.migrate(dataSource);
        LOG.info(() -> "Clinic records on PostgreSQL (" + config.datasource() + "), schema version " + version);
        Path seed = Path.of(config.dataDir());
        if (Files.exists(seed.resolve("doctors.json")) && new PostgresTransfer(dataSource, config.zone())
                .importIntoEmpty(() -> ClinicData.read(seed, config.zone()))) {
            LOG.info(() -> "The empty database was filled from the data directory " + seed.toAbsolutePath());
        }
        PostgresBook opened = new PostgresBook(dataSource, config.zone(), clock);
        opened.offerOnly(config.defaultWeek());
        opened.offerFreedSlots(new WaitlistTerms(config.waitlistOffer(), config.consultationFee(), config.limits(),
                config.zone()));
        metrics.watch(opened::appointmentCount, seed);
        abuseCounts = new PostgresAbuseCounts(dataSource);
        return opened;
    }
}
