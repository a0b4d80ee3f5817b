package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;
import static org.clinic.appointments.infrastructure.postgres.Database.orNull;
import static org.clinic.appointments.infrastructure.postgres.Database.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

/**
 * The {@code appointments} table: each appointment's whole record beside the columns its queries and its
 * one-per-slot index need, and its history entries in {@code appointment_changes}.
 */
final class AppointmentTable {

    private static final String SELECT = "SELECT record::text AS record FROM appointments ";
    /** Keeps its slot from others at the instant given as the statement's last parameter. */
    static final String LIVE = "takes_slot AND (live_until IS NULL OR live_until > ?)";

    private final RecordJson json;

    AppointmentTable(RecordJson json) {
        this.json = json;
    }

    Appointment read(ResultSet row) throws SQLException {
        return json.appointment(row.getString("record"));
    }

    Optional<Appointment> find(Connection c, String id, boolean forUpdate) throws SQLException {
        return one(c, SELECT + "WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), this::read, id);
    }

    Optional<String> patientOf(Connection c, String id) throws SQLException {
        return one(c, "SELECT user_id FROM appointments WHERE id = ?", row -> row.getString(1), id);
    }

    List<Appointment> ofPatientNewestFirst(Connection c, String userId) throws SQLException {
        return list(c, SELECT + "WHERE user_id = ? ORDER BY booking_order DESC", this::read, userId);
    }

    List<Appointment> ofPatientChangedSince(Connection c, String userId, Instant since) throws SQLException {
        return list(c, SELECT + "a WHERE user_id = ? AND EXISTS (SELECT 1 FROM appointment_changes h"
                + " WHERE h.appointment_id = a.id AND h.at >= ?) ORDER BY booking_order DESC", this::read, userId, since);
    }

    /**
     * The patient's appointments that keep a slot at {@code now} or have a change at or after {@code since}: all
     * that their limits, their clashes and the changes they made lately look at.
     */
    List<Appointment> liveOrChangedOfPatient(Connection c, String userId, Instant now, Instant since)
            throws SQLException {
        return list(c, SELECT + "a WHERE user_id = ? AND (" + LIVE + " OR EXISTS (SELECT 1 FROM appointment_changes h"
                + " WHERE h.appointment_id = a.id AND h.at >= ?)) ORDER BY booking_order DESC", this::read, userId, now,
                since);
    }

    /** The patient's appointments that keep a slot at {@code now}: all that their limits and clashes look at. */
    List<Appointment> liveOfPatient(Connection c, String userId, Instant now) throws SQLException {
        return list(c, SELECT + "WHERE user_id = ? AND " + LIVE + " ORDER BY booking_order DESC", this::read, userId, now);
    }

    List<Appointment> ofDoctorDay(Connection c, String doctorId, LocalDate date) throws SQLException {
        return list(c, SELECT + "WHERE doctor_id = ? AND date = ? ORDER BY booking_order", this::read, doctorId, date);
    }

    Optional<Appointment> liveHolder(Connection c, SlotKey slot, Instant now) throws SQLException {
        return one(c, SELECT + "WHERE doctor_id = ? AND date = ? AND time = ? AND " + LIVE, this::read,
                slot.doctorId(), slot.date(), slot.time(), now);
    }

    /** The hold on this slot that has run out but still has it (not swept yet), locked. */
    Optional<Appointment> runOutHolder(Connection c, SlotKey slot, Instant now) throws SQLException {
        return one(c, SELECT + "WHERE doctor_id = ? AND date = ? AND time = ? AND takes_slot AND live_until <= ? "
                + "FOR UPDATE", this::read, slot.doctorId(), slot.date(), slot.time(), now);
    }

    List<String> runOutHolds(Connection c, Instant now) throws SQLException {
        return list(c, "SELECT id FROM appointments WHERE takes_slot AND live_until <= ? ORDER BY live_until",
                row -> row.getString(1), now);
    }

    Map<LocalDate, Set<String>> takenTimes(Connection c, String doctorId, LocalDate from, LocalDate to, Instant now)
            throws SQLException {
        Map<LocalDate, Set<String>> taken = new TreeMap<>();
        list(c, "SELECT date, time FROM appointments WHERE doctor_id = ? AND date BETWEEN ? AND ? AND " + LIVE,
                row -> taken.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new TreeSet<>())
                        .add(row.getString(2)), doctorId, from, to, now);
        return taken;
    }

    /** Claims up to {@code max} appointments with a message due: no other server gets them until {@code claimedUntil}. */
    List<Appointment> claimDueMessages(Connection c, Instant now, int max, Instant claimedUntil) throws SQLException {
        return list(c, "UPDATE appointments SET next_message_at = ? WHERE id IN (SELECT id FROM appointments"
                + " WHERE next_message_at <= ? ORDER BY next_message_at, booking_order LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING record::text AS record", this::read, claimedUntil, now, max);
    }

    private static final String INSERT = "INSERT INTO appointments (id, user_id, doctor_id, date, time, minute_of_day,"
            + " status, payment_status, payment_method, amount, booked_at, patient_name, doctor_name, patient_key,"
            + " transaction_id, takes_slot, live_until, next_message_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHANGE = "INSERT INTO appointment_changes (appointment_id, entry_index, at, actor,"
            + " action, entry) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final int BATCH = 1_000;

    void insert(Connection c, Appointment a) throws SQLException {
        execute(c, INSERT, columns(a, a.getId()));
        addHistory(c, a, 0);
    }

    /** Stores many appointments with their histories, in batches (an import). */
    void insertAll(Connection c, List<Appointment> all) throws SQLException {
        try (PreparedStatement rows = c.prepareStatement(INSERT); PreparedStatement changes = c.prepareStatement(INSERT_CHANGE)) {
            int pending = 0;
            for (Appointment a : all) {
                Database.bindAll(rows, columns(a, a.getId()));
                rows.addBatch();
                List<HistoryEntry> history = a.getHistory();
                for (int i = 0; i < history.size(); i++) {
                    Database.bindAll(changes, historyColumns(a.getId(), i, history.get(i)));
                    changes.addBatch();
                }
                if (++pending == BATCH) {
                    rows.executeBatch();
                    changes.executeBatch();
                    pending = 0;
                }
            }
            rows.executeBatch();
            changes.executeBatch();
        }
    }

    void update(Connection c, Appointment previous, Appointment next) throws SQLException {
        execute(c, "UPDATE appointments SET user_id = ?, doctor_id = ?, date = ?, time = ?, minute_of_day = ?,"
                + " status = ?, payment_status = ?, payment_method = ?, amount = ?, booked_at = ?, patient_name = ?,"
                + " doctor_name = ?, patient_key = ?, transaction_id = ?, takes_slot = ?, live_until = ?,"
                + " next_message_at = ?, record = ? WHERE id = ?", withIdLast(columns(next, next.getId())));
        addHistory(c, next, previous.getHistory().size());
    }

    private void addHistory(Connection c, Appointment a, int from) throws SQLException {
        List<HistoryEntry> history = a.getHistory();
        for (int i = from; i < history.size(); i++) {
            execute(c, INSERT_CHANGE, historyColumns(a.getId(), i, history.get(i)));
        }
    }

    private Object[] historyColumns(String id, int index, HistoryEntry entry) {
        return new Object[] {id, index, orNull(entry.getAt()), orNull(entry.getActor()), orNull(entry.getAction()),
            new Database.Json(json.historyEntry(entry))};
    }

    private Object[] columns(Appointment a, String id) {
        AppointmentStatus status = a.getStatus();
        return new Object[] {id, a.getUserId(), a.getDoctorId(), a.getDate(), a.getTime(),
            AppointmentSort.minuteOfDay(a.getTime()), status.code(),
            a.getPaymentStatus() == null ? Database.Null.TEXT : a.getPaymentStatus().code(),
            a.getPaymentMethod() == null ? Database.Null.TEXT : a.getPaymentMethod().code(),
            a.getAmount() == null ? Database.Null.NUMERIC : a.getAmount(), orNull(a.getBookedAt()),
            orNull(a.getUserName()), orNull(a.getDoctorName()),
            AppointmentQuery.patientKey(a.getUserName(), a.getUserEmail()), orNull(a.getTransactionId()),
            status.holdsSlot(), orNull(status == AppointmentStatus.PENDING_PAYMENT ? a.getHoldExpiresAt() : null),
            orNull(nextMessageAt(a)), new Database.Json(json.appointment(a))};
    }

    private static Object[] withIdLast(Object[] columns) {
        Object[] moved = new Object[columns.length];
        System.arraycopy(columns, 1, moved, 0, columns.length - 1);
        moved[columns.length - 1] = columns[0];
        return moved;
    }

    /** When its first pending message is due (the epoch for one due at once); null when none waits. */
    private static Instant nextMessageAt(Appointment a) {
        Instant next = null;
        for (OutboxMessage message : a.getMessages()) {
            Instant due = message.getNextAttemptAt() == null ? Instant.EPOCH : message.getNextAttemptAt();
            next = next == null || due.isBefore(next) ? due : next;
        }
        return next;
    }
}
