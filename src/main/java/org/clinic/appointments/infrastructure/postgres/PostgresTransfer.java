package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.ClinicData;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

/** Moves a whole clinic into an empty database, or out of one, record for record. */
public final class PostgresTransfer {

    private final Database db;
    private final RecordJson json;
    private final AppointmentTable appointments;
    private final UserTable users;
    private final ClinicTable clinic;

    public PostgresTransfer(DataSource dataSource, ZoneId clinicZone) {
        this.db = new Database(dataSource);
        this.json = new RecordJson(clinicZone);
        this.appointments = new AppointmentTable(json);
        this.users = new UserTable(json);
        this.clinic = new ClinicTable(json);
    }

    /**
     * Stores every record in one transaction, as it is (its history and queued messages too): all of it or, when
     * the database is not empty or a record breaks a rule of the schema, nothing.
     */
    public void importAll(ClinicData data) {
        if (!importIntoEmpty(() -> data)) {
            throw new IllegalStateException("The database holds a clinic already; import into an empty one");
        }
    }

    /**
     * As {@link #importAll}, when the database is empty; false (and nothing read) when it is not. Servers starting
     * together take turns: one imports, the others find the clinic there.
     */
    public boolean importIntoEmpty(Supplier<ClinicData> source) {
        return db.inTransaction(c -> {
            list(c, "SELECT pg_advisory_xact_lock(hashtext('clinic.import'))", row -> Boolean.TRUE);
            if (!one(c, "SELECT NOT EXISTS (SELECT 1 FROM doctors) AND NOT EXISTS (SELECT 1 FROM users)"
                    + " AND NOT EXISTS (SELECT 1 FROM appointments)", row -> row.getBoolean(1)).orElseThrow()) {
                return false;
            }
            ClinicData data = source.get();
            list(c, "SELECT set_config('clinic.counting_later', 'on', true)", row -> Boolean.TRUE);
            for (var doctor : data.doctors()) {
                clinic.insertDoctor(c, doctor);
            }
            clinic.putSetting(c, ClinicTable.SPECIALIZATIONS, json.strings(data.specializations()));
            clinic.putSetting(c, ClinicTable.SCHEDULE, json.schedule(data.schedule()));
            for (Map.Entry<String, byte[]> photo : data.photos().entrySet()) {
                clinic.storePhoto(c, photo.getKey(), photo.getValue());
            }
            for (User user : data.users()) {
                users.insert(c, user);
            }
            appointments.insertAll(c, data.appointments());
            list(c, "SELECT appointments_recounted(), changes_recounted()", row -> Boolean.TRUE);
            return true;
        });
    }

    /** Every record, in the order the JSON ledger keeps them: doctors as added, appointments as booked. */
    public ClinicData exportAll() {
        return db.inTransaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, byte[]> photos = new LinkedHashMap<>();
            list(c, "SELECT name, content FROM photos ORDER BY name", row -> photos.put(row.getString(1), row.getBytes(2)));
            return new ClinicData(clinic.doctors(c), specializations(c), clinic.schedule(c, false), photos,
                    list(c, "SELECT record::text FROM users ORDER BY id", row -> json.user(row.getString(1))),
                    list(c, "SELECT record::text AS record FROM appointments ORDER BY booking_order", appointments::read));
        });
    }

    private List<String> specializations(Connection c) throws SQLException {
        return clinic.setting(c, ClinicTable.SPECIALIZATIONS, false).map(json::strings).orElse(List.of());
    }
}
