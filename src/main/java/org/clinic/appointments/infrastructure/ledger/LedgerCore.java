package org.clinic.appointments.infrastructure.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.WaitlistTerms;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * The ledger without the container: it loads the data directory, checks each change against what is stored,
 * makes it durable in the journal and only then applies it to the indexes. Not thread-safe: {@link Ledger} guards
 * it with container-managed locks; unit tests call it from one thread (or under a lock of their own).
 */
public final class LedgerCore implements AppointmentBook, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerCore.class.getName());
    /** One line per durable change: who, what, which record and its new state; never secrets or reasons for visit. */
    static final Logger CHANGES = Logger.getLogger("org.clinic.appointments.changes");

    private final DataDirectory dir;
    private final JsonCodec codec;
    private final Snapshots snapshots;
    private final Journal journal;
    private final Compaction compaction;
    private final Loading loading;
    private final Clock clock;
    private final Commits commits;
    private final ClinicWrites clinicWrites;
    private final AppointmentWrites appointmentWrites;
    private final UserWrites userWrites;

    private final ClinicRecords clinic;
    private final UserIndex users = new UserIndex();
    private final AppointmentIndex appointments = new AppointmentIndex();
    private final WaitlistIndex waitlist = new WaitlistIndex();

    private LedgerCore(Path dir, ZoneId clinicZone, Clock clock, long compactAfterBytes, Executor executor) {
        this.dir = new DataDirectory(dir);
        this.codec = new JsonCodec(clinicZone);
        RecordMapper.Mappers mappers = RecordMapper.mappers(codec.instants());
        this.snapshots = new Snapshots(this.dir, codec, mappers);
        this.journal = new Journal(this.dir, new JournalLines(mappers, codec.instants()));
        SnapshotCache cache = new SnapshotCache(this.dir, BinaryRecords.forms(mappers));
        this.compaction = new Compaction(snapshots, cache, executor);
        this.clinic = new ClinicRecords(snapshots);
        this.loading = new Loading(this.dir, snapshots, cache, journal, clock, users, appointments);
        this.clock = clock;
        this.commits = new Commits(this.dir, journal, compaction, clinic, users, appointments, compactAfterBytes);
        this.clinicWrites = new ClinicWrites(clinic, snapshots, commits, clock);
        this.userWrites = new UserWrites(users, waitlist, loading, commits, clock);
        this.appointmentWrites = new AppointmentWrites(appointments, clinic, commits, clock, users, waitlist,
                (type, user) -> userWrites.commit("system", type, user));
    }

    /** Loads the data directory (snapshots, then the journals after them) and opens it for writing. */
    public static LedgerCore open(Path dir, ZoneId clinicZone, Clock clock, long compactAfterBytes) {
        return open(dir, clinicZone, clock, compactAfterBytes, task -> {
            Thread thread = new Thread(task, "ledger-compaction");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** As {@link #open(Path, ZoneId, Clock, long)}, compacting on {@code executor}. */
    public static LedgerCore open(Path dir, ZoneId clinicZone, Clock clock, long compactAfterBytes, Executor executor) {
        try {
            return loaded(new LedgerCore(dir, clinicZone, clock, compactAfterBytes, executor), true);
        } catch (SnapshotCache.Unusable e) {
            LOG.warning(() -> e.getMessage() + "; loading from the JSON snapshots");
            return loaded(new LedgerCore(dir, clinicZone, clock, compactAfterBytes, executor), false);
        }
    }

    /** The core once loaded; closed (its directory let go) when it cannot load. */
    private static LedgerCore loaded(LedgerCore core, boolean useCache) {
        try {
            core.load(useCache);
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private void load(boolean useCache) {
        dir.lock();
        commits.loaded(loading.load(clinic, useCache));
        waitlist.rebuild(users.storedRecords(), appointments.storedRecords());
        users.sharedEmailKeys().values().forEach(ids -> LOG.warning(() -> "Accounts " + ids + " have e-mail addresses"
                + " that read as one; they are kept apart (each logs in with its address exactly as stored) and none"
                + " is merged"));
        if (loading.cacheWanted()) {
            compaction.refreshCacheInBackground(users.storedRecords(), appointments.storedRecords(), commits.lastSeq(),
                    loading.stateSeq());
        }
    }

    // ---- reads -------------------------------------------------------------------------------------------

    public List<Doctor> doctors() {
        return clinic.doctors();
    }

    public Optional<Doctor> doctor(String id) {
        return clinic.doctor(id);
    }

    public List<String> specializations() {
        return clinic.specializations();
    }

    public Optional<byte[]> photo(String name) {
        return snapshots.readPhoto(name);
    }

    public Optional<User> user(String id) {
        return users.user(id);
    }

    public Optional<User> userByEmail(String email) {
        return users.byEmail(email);
    }

    /** Accounts whose e-mail address has the identity key of an older account's (migrated data only), by key. */
    public Map<String, List<String>> sharedEmailKeys() {
        return users.sharedEmailKeys();
    }

    public List<User> users() {
        return users.storedRecords().stream().map(User::copy).toList();
    }

    public int userCount() {
        return users.size();
    }

    public List<User> admins() {
        return users.admins();
    }

    public Page<AccountRecordChange> accountChanges(AuditQuery query, int first, int size) {
        return users.changes(query, first, size);
    }

    public ClinicSchedule schedule() {
        return clinic.schedule();
    }

    public Appointment rebook(String cancelledId, String actor, UnaryOperator<Appointment> replacementOf) {
        return appointmentWrites.rebook(cancelledId, actor, replacementOf);
    }

    public void offerOnly(ClinicSchedule.DefaultWeek week) {
        appointmentWrites.offerOnly(week);
    }

    /** From now on, a slot let go is offered to the first patient waiting for it, on these terms. */
    public void offerFreedSlots(WaitlistTerms terms) {
        appointmentWrites.offerFreedSlots(terms);
    }

    public List<WaitlistPlace> waitlist(String doctorId, LocalDate date) {
        return waitlist.line(doctorId, date);
    }

    /** Applies a change to the schedule and stores it: its journal line first, then {@code schedule.json}. */
    public ClinicSchedule changeSchedule(String actor, ChangeType type, UnaryOperator<ClinicSchedule> change) {
        return clinicWrites.changeSchedule(actor, type, change);
    }

    public Doctor addDoctor(Doctor doctor, String actor) {
        return clinicWrites.addDoctor(doctor, actor);
    }

    public Doctor changeDoctor(String id, String actor, ChangeType type, UnaryOperator<Doctor> change) {
        return clinicWrites.changeDoctor(id, actor, type, change);
    }

    public List<String> changeSpecializations(String actor, UnaryOperator<List<String>> change) {
        return clinicWrites.changeSpecializations(actor, change);
    }

    public void storePhoto(String name, byte[] bytes) {
        clinicWrites.storePhoto(name, bytes, dir);
    }

    public List<User> findPatients(String text, int max) {
        return users.findPatients(text, max);
    }

    public Optional<Appointment> appointment(String id) {
        return Optional.ofNullable(appointments.stored(id)).map(Appointment::copy);
    }

    public int appointmentCount() {
        return appointments.size();
    }

    /** Every appointment, in the order the ledger holds them (for reports and tests). */
    public List<Appointment> appointments() {
        return appointments.storedRecords().stream().map(Appointment::copy).toList();
    }

    public List<Appointment> appointmentsOfPatient(String userId) {
        return appointments.ofPatientNewestFirst(userId);
    }

    public List<Appointment> appointmentsOfPatientChangedSince(String userId, Instant since) {
        return appointments.ofPatientNewestFirst(userId).stream().filter(a -> a.changedSince(since)).toList();
    }

    public List<Appointment> appointmentsOf(String doctorId, LocalDate date) {
        return appointments.of(doctorId, date);
    }

    public Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to) {
        return appointments.takenTimes(doctorId, from, to, clock.instant());
    }

    public List<Appointment> withDueMessages(int max) {
        return appointments.withDueMessages(clock.instant(), max);
    }

    public int pendingCount() {
        return appointments.pendingCount();
    }

    public Optional<Appointment> slotHolder(SlotKey slot) {
        return appointments.liveOwner(slot, clock.instant()).map(Appointment::copy);
    }

    public ClinicFigures figures() {
        return appointments.figures().snapshot(clinic.doctorIds());
    }

    public Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first, int size) {
        return appointments.search(query, sort, ascending, first, size);
    }

    public Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return appointments.audit(query, first, size);
    }

    public long lastSeq() {
        return commits.lastSeq();
    }

    public long journalSize() {
        return journal.size();
    }

    public Path dataDirectory() {
        return dir.path();
    }

    /** Whether the users and appointments were read from the binary cache at start-up. */
    public boolean loadedFromCache() {
        return loading.fromCache();
    }

    /** How many compactions have written their snapshots since the ledger opened. */
    public long compactions() {
        return compaction.completed();
    }

    /** Whether snapshots are being written in the background now. */
    public boolean compacting() {
        return compaction.isRunning();
    }

    // ---- writes ------------------------------------------------------------------------------------------

    public User registerUser(User user, String actor) {
        return userWrites.register(user, actor);
    }

    public User changeUser(String id, String actor, ChangeType type, UnaryOperator<User> change) {
        return userWrites.change(id, actor, type, change);
    }

    public User updateUser(User user, String actor, ChangeType type) {
        return userWrites.update(user, actor, type);
    }

    public Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        return appointmentWrites.hold(appointment, actor, limits);
    }

    public Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition) {
        return appointmentWrites.change(id, actor, type, null, transition);
    }

    @Override
    public Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor) {
        return appointmentWrites.moveToPatient(id, fromUserId, into, move, actor);
    }

    @Override
    public Appointment changeOwn(String id, String patientId, ChangeType type, BookingLimits limits,
            UnaryOperator<Appointment> transition) {
        return appointmentWrites.change(id, patientId, type, limits, transition);
    }

    public int expireHolds() {
        return appointmentWrites.expireHolds();
    }

    /** Told of every durable append: how long it took and the journal's size after it. */
    public interface AppendListener {
        void appended(long nanos, long journalBytes);
    }

    public void onAppend(AppendListener listener) {
        commits.onAppend(listener);
    }

    /** Folds the journal into the snapshots now, after any compaction in the background (at shutdown). */
    public void compact() {
        commits.compactNow();
    }

    /** Waits for a compaction in the background to finish. */
    public void awaitCompaction() {
        compaction.awaitIdle();
    }

    @Override
    public void close() {
        compaction.awaitIdle();
        journal.close();
        dir.close();
        DataDirectory.closeQuietly(codec);
    }
}
