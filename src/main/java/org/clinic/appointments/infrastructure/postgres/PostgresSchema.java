package org.clinic.appointments.infrastructure.postgres;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The PostgreSQL store's schema: the WAR's migrations applied at start-up, and their version checked. */
public final class PostgresSchema {

    /** Where the migrations are, in the WAR. */
    static final String LOCATION = "classpath:db/postgresql";

    private PostgresSchema() {
    }

    /**
     * Brings the schema up to this version's migrations (several nodes starting at once take turns: Flyway locks
     * its history table) and refuses a schema newer than this version knows, or one whose applied migrations were
     * edited since. Answers the schema's version.
     */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(PostgresSchema.class.getClassLoader()).dataSource(dataSource)
                .locations(LOCATION).validateOnMigrate(true).ignoreMigrationPatterns(new String[0]).load();
        MigrateResult result = flyway.migrate();
        flyway.validate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }
}
