package org.clinic.appointments.infrastructure.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.WaitlistTerms;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.ledger.RecordJson;
import org.clinic.appointments.domain.AccountRecordChange;

/**
 * The clinic's records on PostgreSQL, for several application servers sharing one database. Each change is one
 * transaction: the record, its history and the messages it queues commit together; a read takes none of its own.
 * The database itself keeps one appointment per slot (a partial unique index); a patient's changes are serialized by
 * a lock on their account row.
 */
public final class PostgresBook implements AppointmentBook {

    /** How long a server has the messages it took to send before another server may take them. */
    static final Duration MESSAGE_CLAIM = Duration.ofMinutes(2);

    private final Database db;
    private final Clock clock;
    private final AppointmentTable appointments;
    private final UserTable users;
    private final ClinicTable clinic;
    private final AdminQueries admin;
    private final AppointmentChanges changes;
    private final RecordJson json;

    public PostgresBook(DataSource dataSource, ZoneId clinicZone, Clock clock) {
        this.json = new RecordJson(clinicZone);
        this.db = new Database(dataSource);
        this.clock = clock;
        this.appointments = new AppointmentTable(json);
        this.users = new UserTable(json);
        this.clinic = new ClinicTable(json);
        this.admin = new AdminQueries(appointments, json);
        this.changes = new AppointmentChanges(db, appointments, users, clinic, clock);
    }

    /** From now on a new hold must be on a slot the doctor works (in this week when no plan says otherwise). */
    public void offerOnly(ClinicSchedule.DefaultWeek week) {
        changes.offerOnly(week);
    }

    /** From now on a slot let go is offered to the first patient waiting for it, on these terms. */
    public void offerFreedSlots(WaitlistTerms terms) {
        changes.offerFreedSlots(terms);
    }

    // ---- the clinic --------------------------------------------------------------------------------------

    @Override
    public List<Doctor> doctors() {
        return db.read(clinic::doctors);
    }

    @Override
    public Optional<Doctor> doctor(String id) {
        return db.read(c -> clinic.doctor(c, id, false));
    }

    @Override
    public List<String> specializations() {
        return db.read(this::specializations);
    }

    private List<String> specializations(Connection c) throws SQLException {
        Optional<String> stored = clinic.setting(c, ClinicTable.SPECIALIZATIONS, false);
        if (stored.isPresent()) {
            return json.strings(stored.get());
        }
        return clinic.doctors(c).stream().map(Doctor::getSpecialization).filter(s -> s != null && !s.isBlank())
                .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    @Override
    public List<String> changeSpecializations(String actor, UnaryOperator<List<String>> change) {
        return db.inTransaction(c -> {
            clinic.setting(c, ClinicTable.SPECIALIZATIONS, true);
            List<String> next = List.copyOf(change.apply(specializations(c)));
            String text = json.strings(next);
            clinic.putSetting(c, ClinicTable.SPECIALIZATIONS, text);
            ClinicTable.changed(c, clock.instant(), actor, ChangeType.SPECIALIZATIONS_CHANGED, null, text);
            return next;
        });
    }

    @Override
    public Doctor addDoctor(Doctor doctor, String actor) {
        if (doctor.getId() == null || doctor.getId().isBlank()) {
            throw new IllegalArgumentException("A new doctor needs an id of their own");
        }
        return db.inTransaction(c -> {
            if (!clinic.insertDoctor(c, doctor)) {
                throw new IllegalArgumentException("A new doctor needs an id of their own");
            }
            ClinicTable.changed(c, clock.instant(), actor, ChangeType.DOCTOR_ADDED, doctor.getId(), null);
            return doctor.copy();
        });
    }

    @Override
    public Doctor changeDoctor(String id, String actor, ChangeType type, UnaryOperator<Doctor> change) {
        return db.inTransaction(c -> {
            Doctor current = clinic.doctor(c, id, true).orElseThrow(() -> new IllegalArgumentException("No doctor " + id));
            Doctor next = change.apply(current);
            if (!id.equals(next.getId())) {
                throw new IllegalArgumentException("A change cannot alter a doctor's id");
            }
            clinic.updateDoctor(c, next);
            ClinicTable.changed(c, clock.instant(), actor, type, id, null);
            return next.copy();
        });
    }

    @Override
    public void storePhoto(String name, byte[] bytes) {
        db.inTransaction(c -> {
            clinic.storePhoto(c, name, bytes);
            return null;
        });
    }

    @Override
    public Optional<byte[]> photo(String name) {
        return db.read(c -> clinic.photo(c, name));
    }

    @Override
    public ClinicSchedule schedule() {
        return db.read(c -> clinic.schedule(c, false));
    }

    @Override
    public ClinicSchedule changeSchedule(String actor, ChangeType type, UnaryOperator<ClinicSchedule> change) {
        return db.inTransaction(c -> {
            ClinicSchedule next = change.apply(clinic.schedule(c, true));
            clinic.putSetting(c, ClinicTable.SCHEDULE, json.schedule(next));
            ClinicTable.changed(c, clock.instant(), actor, type, null, json.scheduleState(next));
            return next;
        });
    }

    // ---- accounts ----------------------------------------------------------------------------------------

    @Override
    public Optional<User> user(String id) {
        return db.read(c -> users.find(c, id, false));
    }

    @Override
    public Optional<User> userByEmail(String email) {
        return db.read(c -> users.byEmail(c, email));
    }

    @Override
    public List<User> admins() {
        return db.read(users::admins);
    }

    @Override
    public Page<AccountRecordChange> accountChanges(AuditQuery query, int first,
            int size) {
        return db.read(c -> users.changes(c, query, first, size));
    }

    @Override
    public List<User> findPatients(String text, int max) {
        return db.read(c -> users.findPatients(c, text, max));
    }

    @Override
    public User registerUser(User user, String actor) {
        Objects.requireNonNull(user.getId(), "id");
        User stored = user.copy();
        stored.setEmail(EmailAddress.identityKey(user.getEmail()));
        return db.inTransaction(c -> {
            if (users.find(c, user.getId(), false).isPresent()) {
                throw new DuplicateEmailException();
            }
            users.insert(c, stored);
            ClinicTable.changed(c, clock.instant(), actor, ChangeType.USER_REGISTERED, stored.getId(), null);
            return stored.copy();
        });
    }

    @Override
    public User updateUser(User user, String actor, ChangeType type) {
        return changeUser(user.getId(), actor, type, current -> user);
    }

    @Override
    public User changeUser(String id, String actor, ChangeType type, UnaryOperator<User> change) {
        return db.inTransaction(c -> changes.storeUser(c, id, actor, type, change));
    }

    // ---- appointments ------------------------------------------------------------------------------------

    @Override
    public Optional<Appointment> appointment(String id) {
        return db.read(c -> appointments.find(c, id, false));
    }

    @Override
    public List<Appointment> appointmentsOfPatient(String userId) {
        return db.read(c -> appointments.ofPatientNewestFirst(c, userId));
    }

    @Override
    public List<Appointment> appointmentsOfPatientChangedSince(String userId, Instant since) {
        return db.read(c -> appointments.ofPatientChangedSince(c, userId, since));
    }

    @Override
    public List<Appointment> appointmentsOf(String doctorId, LocalDate date) {
        return db.read(c -> appointments.ofDoctorDay(c, doctorId, date));
    }

    @Override
    public List<WaitlistPlace> waitlist(String doctorId, LocalDate date) {
        return db.read(c -> users.line(c, doctorId, date));
    }

    @Override
    public Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        return db.read(c -> appointments.takenTimes(c, doctorId, from, to, now));
    }

    /** How many appointments there are, of any status (from the counts table). */
    public long appointmentCount() {
        return db.read(AdminQueries::total);
    }

    @Override
    public ClinicFigures figures() {
        return db.read(c -> admin.figures(c, clinic.doctors(c).stream().map(Doctor::getId).toList()));
    }

    @Override
    public Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first, int size) {
        return db.read(c -> admin.search(c, query, sort, ascending, first, size));
    }

    @Override
    public Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return db.read(c -> admin.audit(c, query, first, size));
    }

    @Override
    public List<Appointment> withDueMessages(int max) {
        Instant now = clock.instant();
        return db.inTransaction(c -> appointments.claimDueMessages(c, now, max, now.plus(MESSAGE_CLAIM))).stream()
                .filter(a -> a.getMessages().stream().anyMatch(m -> m.isDue(now))).toList();
    }

    @Override
    public Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        return changes.hold(appointment, actor, limits);
    }

    @Override
    public Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition) {
        return changes.change(id, actor, type, null, transition);
    }

    @Override
    public Appointment changeOwn(String id, String patientId, ChangeType type, BookingLimits limits,
            UnaryOperator<Appointment> transition) {
        return changes.change(id, patientId, type, limits, transition);
    }

    @Override
    public Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor) {
        return changes.moveToPatient(id, fromUserId, into, move, actor);
    }

    @Override
    public Appointment rebook(String cancelledId, String actor, UnaryOperator<Appointment> replacementOf) {
        return changes.rebook(cancelledId, actor, replacementOf);
    }

    @Override
    public int expireHolds() {
        return changes.expireHolds();
    }
}
