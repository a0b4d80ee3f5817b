package org.clinic.appointments.infrastructure.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clinic.appointments.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change log tells what committed: nothing of a transaction rolled back, nothing of a part undone to a savepoint. */
class DatabaseIT {

    private static DataSource source;

    private LogLines changes;

    private static synchronized DataSource source() {
        if (source == null) {
            source = PostgresServer.shared().createDatabase("lines");
        }
        return source;
    }

    @BeforeEach
    void listen() {
        changes = LogLines.of(Logger.getLogger("org.clinic.appointments.changes"));
    }

    @AfterEach
    void stopListening() {
        changes.close();
    }

    @Test
    void linesOfAPartRolledBackToASavepointAreNotLogged() {
        Database db = new Database(source());
        db.inTransaction(c -> {
            Database.logOnCommit("change type=cancelled");
            Savepoint before = c.setSavepoint();
            int mark = Database.loggedLines();
            Database.logOnCommit("change type=waitlist_offered");
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1 / 0");
            } catch (SQLException takenMeanwhile) {
                c.rollback(before);
                Database.forgetLinesAfter(mark);
            }
            return null;
        });
        assertEquals(List.of("change type=cancelled"), changes.lines());
    }

    @Test
    void aTransactionRolledBackLogsNothing() {
        Database db = new Database(source());
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            Database.logOnCommit("change type=booked");
            throw new IllegalStateException("refused");
        }));
        assertEquals(List.of(), changes.lines());
    }
}
