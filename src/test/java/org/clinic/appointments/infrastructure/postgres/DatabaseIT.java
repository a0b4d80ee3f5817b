package org.clinic.appointments.infrastructure.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clinic.appointments.LogLines;
import org.clinic.appointments.domain.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log tells what committed: nothing of a transaction rolled back, nothing of a part undone to a savepoint.
 * A connection that broke (the database restarted) before a commit was asked for costs the caller nothing: the work
 * runs again on another; one that broke during the commit is not run again, since it may have committed.
 */
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

    @Test
    void aReadOnAConnectionTheDatabaseDroppedRunsAgainOnAnother() throws Exception {
        int[] runs = {0};
        Database db = new Database(handingOutFirst(dropped()));
        int answer = db.read(c -> {
            runs[0]++;
            return Database.one(c, "SELECT 42", row -> row.getInt(1)).orElseThrow();
        });
        assertEquals(42, answer);
        assertEquals(2, runs[0]);
    }

    @Test
    void aChangeWhoseConnectionWasDroppedBeforeItsCommitRunsAgainAndLandsOnce() throws Exception {
        try (Connection c = source().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS retried (id text PRIMARY KEY)");
            s.execute("DELETE FROM retried");
        }
        Database db = new Database(handingOutFirst(dropped()));
        db.inTransaction(c -> {
            Database.logOnCommit("change type=booked");
            return Database.execute(c, "INSERT INTO retried (id) VALUES ('a-1')");
        });
        int rows = new Database(source()).read(c -> Database.one(c, "SELECT count(*) FROM retried",
                row -> row.getInt(1)).orElseThrow());
        assertEquals(1, rows);
        assertEquals(List.of("change type=booked"), changes.lines());
    }

    @Test
    void aChangeWhoseCommitLostTheConnectionIsNotRunAgain() throws Exception {
        Connection real = source().getConnection();
        Connection losingItsCommit = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        int[] runs = {0};
        Database db = new Database(handingOutFirst(losingItsCommit));
        assertThrows(StorageException.class, () -> db.inTransaction(c -> {
            runs[0]++;
            Database.logOnCommit("change type=paid");
            return null;
        }));
        assertEquals(1, runs[0]);
        assertEquals(List.of(), changes.lines());
    }

    /** A connection whose server process the database has ended, as after a restart. */
    private static Connection dropped() throws SQLException {
        Connection doomed = source().getConnection();
        int pid = Database.one(doomed, "SELECT pg_backend_pid()", row -> row.getInt(1)).orElseThrow();
        try (Connection other = source().getConnection()) {
            Database.one(other, "SELECT pg_terminate_backend(?)", row -> row.getBoolean(1), pid);
            for (int i = 0; i < 100 && Database.one(other, "SELECT count(*) FROM pg_stat_activity WHERE pid = ?",
                    row -> row.getInt(1), pid).orElseThrow() > 0; i++) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return doomed;
    }

    /** The database's connections, but {@code first} the first time one is asked for. */
    private static DataSource handingOutFirst(Connection first) {
        Connection[] next = {first};
        return (DataSource) Proxy.newProxyInstance(DatabaseIT.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && next[0] != null) {
                        Connection handed = next[0];
                        next[0] = null;
                        return handed;
                    }
                    try {
                        return method.invoke(source(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
