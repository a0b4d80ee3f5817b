package org.clinic.appointments.infrastructure.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** The schema version is checked at start-up: a newer database or an edited migration stops the application. */
class PostgresSchemaIT {

    private static int databases;

    private static synchronized DataSource newDatabase() {
        return PostgresServer.shared().createDatabase("schema" + ++databases);
    }

    @Test
    void anEmptyDatabaseGetsTheSchemaAndASecondStartChangesNothing() {
        DataSource database = newDatabase();
        assertEquals("6", PostgresSchema.migrate(database));
        assertEquals("6", PostgresSchema.migrate(database));
    }

    @Test
    void aDatabaseMigratedByANewerVersionIsRefused() throws SQLException {
        DataSource database = newDatabase();
        PostgresSchema.migrate(database);
        execute(database, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (7, '7', 'from a newer version', 'SQL',"
                + " 'V7__newer.sql', 1, 'clinic', 1, true)");
        assertThrows(FlywayException.class, () -> PostgresSchema.migrate(database));
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsRefused() throws SQLException {
        DataSource database = newDatabase();
        PostgresSchema.migrate(database);
        execute(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        assertThrows(FlywayException.class, () -> PostgresSchema.migrate(database));
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
