package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;
import static org.clinic.appointments.infrastructure.postgres.Database.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

/**
 * The clinic's own records: doctors (in the order they were added), photos, the schedule and the specializations,
 * and the trail of changes to them and to accounts ({@code clinic_changes}).
 */
final class ClinicTable {

    static final String SCHEDULE = "schedule";
    static final String SPECIALIZATIONS = "specializations";

    /** A version of the schedule's row and the schedule it holds. */
    private record SeenSchedule(String version, ClinicSchedule schedule) {
    }

    private final RecordJson json;
    private volatile SeenSchedule lastSchedule = new SeenSchedule("", ClinicSchedule.EMPTY);

    ClinicTable(RecordJson json) {
        this.json = json;
    }

    List<Doctor> doctors(Connection c) throws SQLException {
        return list(c, "SELECT record::text FROM doctors ORDER BY position", row -> json.doctor(row.getString(1)));
    }

    Optional<Doctor> doctor(Connection c, String id, boolean forUpdate) throws SQLException {
        return one(c, "SELECT record::text FROM doctors WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                row -> json.doctor(row.getString(1)), id);
    }

    /**
     * The doctor, for a new appointment that copies their name: a rename waits until this transaction ends, and this
     * read waits for a rename being stored, so the copy is never older than the rename's carry-over.
     */
    Optional<Doctor> doctorToName(Connection c, String id) throws SQLException {
        return one(c, "SELECT record::text FROM doctors WHERE id = ? FOR KEY SHARE", row -> json.doctor(row.getString(1)), id);
    }

    /** Stores a new doctor; false when the id is taken. */
    boolean insertDoctor(Connection c, Doctor doctor) throws SQLException {
        return execute(c, "INSERT INTO doctors (id, record) VALUES (?, ?) ON CONFLICT DO NOTHING", doctor.getId(),
                new Database.Json(json.doctor(doctor))) == 1;
    }

    void updateDoctor(Connection c, Doctor doctor) throws SQLException {
        execute(c, "UPDATE doctors SET record = ? WHERE id = ?", new Database.Json(json.doctor(doctor)), doctor.getId());
    }

    Optional<byte[]> photo(Connection c, String name) throws SQLException {
        return one(c, "SELECT content FROM photos WHERE name = ?", row -> row.getBytes(1), name);
    }

    void storePhoto(Connection c, String name, byte[] bytes) throws SQLException {
        execute(c, "INSERT INTO photos (name, content) VALUES (?, ?) ON CONFLICT DO NOTHING", name, bytes);
    }

    /** A setting's JSON text, locked for a change when asked; empty when it was never stored. */
    Optional<String> setting(Connection c, String name, boolean forUpdate) throws SQLException {
        if (forUpdate) {
            lockSetting(c, name);
        }
        return one(c, "SELECT value::text FROM clinic_settings WHERE name = ?", row -> row.getString(1), name);
    }

    private static void lockSetting(Connection c, String name) throws SQLException {
        list(c, "SELECT pg_advisory_xact_lock(hashtext(?))", row -> Boolean.TRUE, "clinic_settings." + name);
    }

    void putSetting(Connection c, String name, String value) throws SQLException {
        execute(c, "INSERT INTO clinic_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
                + " SET value = excluded.value", name, new Database.Json(value));
    }

    /**
     * The schedule as this transaction sees it. Its row's version ({@code xmin}, the transaction that wrote it) is
     * asked each time, and its text only when that version is not the one read last: a booking checks the schedule
     * several times, and reading its JSON costs milliseconds once a clinic has plans and a history of changes.
     */
    ClinicSchedule schedule(Connection c, boolean forUpdate) throws SQLException {
        if (forUpdate) {
            lockSetting(c, SCHEDULE);
        }
        SeenSchedule seen = lastSchedule;
        Optional<SeenSchedule> stored = one(c, "SELECT xmin::text,"
                + " CASE WHEN xmin::text = ? THEN NULL ELSE value::text END FROM clinic_settings WHERE name = ?", row -> {
                    String version = row.getString(1);
                    String text = row.getString(2);
                    return text == null ? seen : new SeenSchedule(version, json.schedule(text));
                }, seen.version(), SCHEDULE);
        if (stored.isEmpty()) {
            return ClinicSchedule.EMPTY;
        }
        lastSchedule = stored.get();
        return stored.get().schedule();
    }

    /**
     * The schedule, for an appointment about to take a slot by it: a change of the schedule waits until this
     * transaction ends, and this read waits for a change being stored, so no slot is taken by a schedule just replaced.
     */
    ClinicSchedule scheduleToBookBy(Connection c) throws SQLException {
        list(c, "SELECT pg_advisory_xact_lock_shared(hashtext(?))", row -> Boolean.TRUE, "clinic_settings." + SCHEDULE);
        return schedule(c, false);
    }

    /** Records a change: who, when, which type, of what (an id), and the new record when it is not an account's. */
    static void changed(Connection c, Instant at, String actor, ChangeType type, String subject, String record)
            throws SQLException {
        Database.logOnCommit("change type=" + type.code() + " actor=" + actor + (subject == null ? "" : " id=" + subject));
        execute(c, "INSERT INTO clinic_changes (at, actor, type, subject, record) VALUES (?, ?, ?, ?, ?)", at, actor,
                type.code(), Database.orNull(subject),
                record == null ? new Database.Null(java.sql.Types.OTHER) : new Database.Json(record));
    }
}
