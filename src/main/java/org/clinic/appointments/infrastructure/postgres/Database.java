package org.clinic.appointments.infrastructure.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.StorageException;

/**
 * Units of work on the database: each runs in one transaction on one connection, commits only when it returns,
 * and rolls back when it throws. A unique-index violation becomes the domain's answer (a slot just taken, an
 * address in use); any other database failure a {@link StorageException}.
 */
final class Database {

    static final String ONE_PER_SLOT = "appointments_one_per_slot";
    static final String ONE_PER_EMAIL = "users_one_per_email";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION = "40001";
    private static final int ATTEMPTS = 3;

    /** One line per committed change: who, what, which record; never what it says about the patient. */
    private static final java.util.logging.Logger CHANGES = java.util.logging.Logger.getLogger("org.clinic.appointments.changes");
    private static final ThreadLocal<List<String>> CHANGE_LINES = new ThreadLocal<>();

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in one transaction; {@code slot} is what a violation of the one-per-slot index names. A
     * transaction the database chose to abort for a deadlock runs again from the start (the work reads what it
     * needs inside), at most {@value #ATTEMPTS} times; so does one whose connection turned out to be broken
     * (the database restarted or failed over) before it asked to commit, which cannot have committed.
     */
    <T> T inTransaction(SlotKey slot, Work<T> work) {
        return withRetries(slot, () -> once(work), e -> DEADLOCK.equals(e.getSQLState())
                || SERIALIZATION.equals(e.getSQLState()) || (connectionLost(e) && !(e instanceof CommitFailed)));
    }

    <T> T inTransaction(Work<T> work) {
        return inTransaction(null, work);
    }

    /**
     * Runs a read that changes nothing, without a transaction of its own: each statement sees what was committed
     * when it began, as it would in a transaction at the database's READ COMMITTED, and the commit's round trip is
     * saved. Runs again on another connection when the first turns out to be broken.
     */
    <T> T read(Work<T> work) {
        return withRetries(null, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                return work.run(connection);
            }
        }, Database::connectionLost);
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    /** Runs the attempt again while it fails as {@code runsAgain} accepts, {@value #ATTEMPTS} times at most. */
    private static <T> T withRetries(SlotKey slot, Attempt<T> attempt, Predicate<SQLException> runsAgain) {
        for (int attempts = 1;; attempts++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (attempts < ATTEMPTS && runsAgain.test(e)) {
                    continue;
                }
                throw translated(e, slot);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        List<String> changes = new ArrayList<>(2);
        CHANGE_LINES.set(changes);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw new CommitFailed(e);
            }
            changes.forEach(CHANGES::info);
            return result;
        } finally {
            CHANGE_LINES.remove();
        }
    }

    /** The connection is gone (the class 08 states) or the database is shutting down or starting. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** The commit itself failed: when the connection was lost then, whether the change committed is not known. */
    private static final class CommitFailed extends SQLException {
        private static final long serialVersionUID = 1L;

        CommitFailed(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** Logs the line once the transaction under way commits (not at all when it rolls back). */
    static void logOnCommit(String line) {
        List<String> lines = CHANGE_LINES.get();
        if (lines != null) {
            lines.add(line);
        }
    }

    /** How many lines the transaction under way will log so far: a mark for {@link #forgetLinesAfter}. */
    static int loggedLines() {
        List<String> lines = CHANGE_LINES.get();
        return lines == null ? 0 : lines.size();
    }

    /** Forgets the lines logged after the mark: their changes were rolled back to a savepoint. */
    static void forgetLinesAfter(int mark) {
        List<String> lines = CHANGE_LINES.get();
        if (lines != null && lines.size() > mark) {
            lines.subList(mark, lines.size()).clear();
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private static RuntimeException translated(SQLException e, SlotKey slot) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage() != null) {
            if (e.getMessage().contains(ONE_PER_SLOT) && slot != null) {
                return new SlotTakenException(slot);
            }
            if (e.getMessage().contains(ONE_PER_EMAIL)) {
                return new DuplicateEmailException();
            }
        }
        return new StorageException(e);
    }

    // ---- statement helpers -------------------------------------------------------------------------------

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        List<T> found = list(connection, sql, row, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bindAll(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static void bindAll(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof Json json) {
            statement.setObject(index, json.text(), Types.OTHER);
        } else if (value instanceof Null nothing) {
            statement.setNull(index, nothing.sqlType());
        } else {
            statement.setObject(index, value);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A JSON text for a {@code jsonb} parameter. */
    record Json(String text) {
    }

    /** A typed SQL null. */
    record Null(int sqlType) {
        static final Null TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
        static final Null TEXT = new Null(Types.VARCHAR);
        static final Null NUMERIC = new Null(Types.NUMERIC);
    }

    static Object orNull(Instant instant) {
        return instant == null ? Null.TIMESTAMP : instant;
    }

    static Object orNull(String text) {
        return text == null ? Null.TEXT : text;
    }
}
