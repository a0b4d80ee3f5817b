package org.clinic.appointments.infrastructure.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** One database for the tests of the counts that slow abuse, emptied for each test. */
public final class AbuseCountsDatabase {

    private static DataSource database;

    private AbuseCountsDatabase() {
    }

    /** The database with no counts in it. */
    public static synchronized DataSource emptied() {
        if (database == null) {
            database = PostgresServer.shared().createDatabase("abuse");
            PostgresSchema.migrate(database);
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE abuse_events, abuse_tallies");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }
}
