package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
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
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.User;

/**
 * The ledger without the container: it loads the data directory, checks each change against what is stored,
 * makes it durable in the journal and only then applies it to the indexes. Not thread-safe: {@link Ledger} guards
 * it with container-managed locks; unit tests call it from one thread (or under a lock of their own).
 */
public final class LedgerCore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerCore.class.getName());
    /** One line per durable change: who, what, which record and its new state; never secrets or reasons for visit. */
    static final Logger CHANGES = Logger.getLogger("org.clinic.appointments.changes");

    private AppendListener appendListener = (nanos, journalBytes) -> { };

    private final DataDirectory dir;
    private final JsonCodec codec;
    private final Snapshots snapshots;
    private final Journal journal;
    private final Compaction compaction;
    private final Loading loading;
    private final Clock clock;
    private final long compactAfterBytes;

    private final ClinicRecords clinic;
    private final UserIndex users = new UserIndex();
    private final AppointmentIndex appointments = new AppointmentIndex();
    private long lastSeq;

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
        this.compactAfterBytes = compactAfterBytes;
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
        LedgerCore core = new LedgerCore(dir, clinicZone, clock, compactAfterBytes, executor);
        try {
            core.load(true);
        } catch (SnapshotCache.Unusable e) {
            LOG.warning(() -> e.getMessage() + "; loading from the JSON snapshots");
            core.close();
            core = new LedgerCore(dir, clinicZone, clock, compactAfterBytes, executor);
            loadOrClose(core, false);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        return core;
    }

    private static void loadOrClose(LedgerCore core, boolean useCache) {
        try {
            core.load(useCache);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private void load(boolean useCache) {
        dir.lock();
        lastSeq = loading.load(clinic, useCache);
        users.sharedEmailKeys().values().forEach(ids -> LOG.warning(() -> "Accounts " + ids + " have e-mail addresses"
                + " that read as one; they are kept apart (each logs in with its address exactly as stored) and none"
                + " is merged"));
        if (loading.cacheWanted()) {
            compaction.refreshCacheInBackground(users.storedRecords(), appointments.storedRecords(), lastSeq,
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

    public ClinicSchedule schedule() {
        return clinic.schedule();
    }

    public Appointment rebook(String cancelledId, String actor, java.util.function.UnaryOperator<Appointment> replacementOf) {
        Appointment cancelled = appointments.stored(cancelledId);
        if (cancelled == null) {
            throw new IllegalArgumentException("No appointment " + cancelledId);
        }
        Instant now = clock.instant();
        String newId = Appointment.rebookId(cancelledId);
        if (appointments.stored(newId) == null) {
            Appointment replacement = replacementOf.apply(cancelled.copy());
            if (!newId.equals(replacement.getId())) {
                throw new IllegalArgumentException("A replacement must have the id that follows from " + cancelledId);
            }
            if (appointments.liveOwner(replacement.slot(), now).isPresent()) {
                throw new org.clinic.appointments.domain.SlotTakenException(replacement.slot());
            }
            ClinicSchedule.DefaultWeek week = defaultWeek;
            if (week != null && !clinic.schedule().offers(replacement.getDoctorId(), replacement.getDate(), replacement.getTime(), week)) {
                throw new org.clinic.appointments.domain.BookingException("booking.slot.not_working");
            }
            BookingLimits.requireNoClash(replacement, appointments.storedOfPatient(replacement.getUserId()), now);
            commitAppointment(now, actor, ChangeType.BOOKED, null, replacement.copy());
        }
        if (cancelled.getRebookedAs() == null) {
            commitAppointment(now, actor, ChangeType.REBOOKED, cancelled, cancelled.rebooked(newId, now, actor));
        }
        return appointments.stored(newId).copy();
    }

    /** The clinic's default week: from now on a new hold must be on a slot the doctor works. */
    private volatile ClinicSchedule.DefaultWeek defaultWeek;

    public void offerOnly(ClinicSchedule.DefaultWeek week) {
        this.defaultWeek = week;
    }

    /** Applies a change to the schedule and stores it: its journal line first, then {@code schedule.json}. */
    public ClinicSchedule changeSchedule(String actor, ChangeType type, UnaryOperator<ClinicSchedule> change) {
        ClinicSchedule next = change.apply(clinic.schedule());
        commitClinic(JournalEntry.ofSchedule(lastSeq + 1, clock.instant(), actor, type.code(), next));
        return next;
    }

    /** Stores a new doctor; refused when the id is taken. */
    public Doctor addDoctor(Doctor doctor, String actor) {
        if (doctor.getId() == null || doctor.getId().isBlank() || clinic.doctor(doctor.getId()).isPresent()) {
            throw new IllegalArgumentException("A new doctor needs an id of their own");
        }
        commitClinic(JournalEntry.ofDoctor(lastSeq + 1, clock.instant(), actor, ChangeType.DOCTOR_ADDED.code(),
                doctor.copy()));
        return doctor.copy();
    }

    /** Applies a change to a doctor's record as stored now; the change may refuse with a {@code BookingException}. */
    public Doctor changeDoctor(String id, String actor, ChangeType type, UnaryOperator<Doctor> change) {
        Doctor current = clinic.doctor(id).orElseThrow(() -> new IllegalArgumentException("No doctor " + id));
        Doctor next = change.apply(current);
        if (!id.equals(next.getId())) {
            throw new IllegalArgumentException("A change cannot alter a doctor's id");
        }
        commitClinic(JournalEntry.ofDoctor(lastSeq + 1, clock.instant(), actor, type.code(), next.copy()));
        return next.copy();
    }

    /** Applies a change to the list of specializations; the change may refuse with a {@code BookingException}. */
    public List<String> changeSpecializations(String actor, UnaryOperator<List<String>> change) {
        List<String> next = List.copyOf(change.apply(clinic.specializations()));
        commitClinic(JournalEntry.ofSpecializations(lastSeq + 1, clock.instant(), actor,
                ChangeType.SPECIALIZATIONS_CHANGED.code(), next));
        return next;
    }

    /** Stores a photo durably under its name (derived from its content), before a record names it. */
    public void storePhoto(String name, byte[] bytes) {
        try {
            snapshots.writePhoto(name, bytes);
        } catch (IOException e) {
            LOG.severe(() -> "Photo refused: it could not be written in " + dir.path() + ": " + e.getMessage());
            throw new StorageException(e);
        }
    }

    private void commitClinic(JournalEntry entry) {
        append(entry);
        clinic.committed(entry);
        committed(entry);
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

    public List<Appointment> appointmentsOf(String doctorId, LocalDate date) {
        return appointments.of(doctorId, date);
    }

    public Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to) {
        return appointments.takenTimes(doctorId, from, to, clock.instant());
    }

    /** Appointments with a message due to be sent now, at most {@code max} (copies). */
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
        return lastSeq;
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
        loading.requireUser(user, "new user");
        if (users.emailTaken(user.getEmail()) || users.stored(user.getId()) != null) {
            throw new DuplicateEmailException();
        }
        User stored = user.copy();
        stored.setEmail(EmailAddress.identityKey(user.getEmail()));
        commitUser(actor, ChangeType.USER_REGISTERED, stored);
        return stored.copy();
    }

    public User changeUser(String id, String actor, ChangeType type, java.util.function.UnaryOperator<User> change) {
        User current = users.stored(id);
        if (current == null) {
            throw new IllegalArgumentException("No user " + id);
        }
        return updateUser(change.apply(current.copy()), actor, type);
    }

    public User updateUser(User user, String actor, ChangeType type) {
        User current = users.stored(user.getId());
        if (current == null) {
            throw new IllegalArgumentException("No user " + user.getId());
        }
        User stored = user.copy();
        stored.setEmail(current.getEmail());
        commitUser(actor, type, stored);
        return stored.copy();
    }

    /**
     * Stores a new appointment that owns its slot, unless the slot is owned already or the patient's limits leave
     * no room. The checks and the write happen in one call, so callers hold the ledger's write lock across both.
     */
    public Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        SlotKey slot = appointment.slot();
        Instant now = clock.instant();
        if (appointments.liveOwner(slot, now).isPresent()) {
            throw new SlotTakenException(slot);
        }
        if (appointments.stored(appointment.getId()) != null) {
            throw new IllegalArgumentException("Appointment " + appointment.getId() + " exists already");
        }
        ClinicSchedule.DefaultWeek week = defaultWeek;
        if (week != null && !clinic.schedule().offers(appointment.getDoctorId(), appointment.getDate(), appointment.getTime(), week)) {
            throw new org.clinic.appointments.domain.BookingException("booking.slot.not_working");
        }
        limits.requireRoomForHold(appointment, appointments.storedOfPatient(appointment.getUserId()), now);
        Appointment stored = appointment.copy();
        commitAppointment(now, actor, ChangeType.BOOKED, null, stored);
        return stored.copy();
    }

    /**
     * Applies a transition to the current state of an appointment and stores the result, in one call, so the
     * transition's rules see what is stored, not what a page showed earlier. A slot it moves to must be free;
     * the old slot is released in the same write.
     */
    public Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition) {
        Appointment current = appointments.stored(id);
        if (current == null) {
            throw new IllegalArgumentException("No appointment " + id);
        }
        Appointment next = transition.apply(current.copy());
        if (!current.getId().equals(next.getId()) || !current.getUserId().equals(next.getUserId())) {
            throw new IllegalArgumentException("A change cannot alter an appointment's id or patient");
        }
        Instant now = clock.instant();
        if (next.holdsSlot(now) && !next.slot().equals(current.slot())) {
            Optional<Appointment> owner = appointments.liveOwner(next.slot(), now);
            if (owner.isPresent() && !owner.get().getId().equals(next.getId())) {
                throw new SlotTakenException(next.slot());
            }
            BookingLimits.requireNoClash(next, appointments.storedOfPatient(next.getUserId()), now);
        }
        Appointment stored = next.copy();
        commitAppointment(now, actor, type, current, stored);
        return stored.copy();
    }

    /** Cancels every hold that has run out; returns how many. */
    public int expireHolds() {
        Instant now = clock.instant();
        List<String> expired = appointments.expiredHolds(now);
        for (String id : expired) {
            change(id, "system", ChangeType.HOLD_EXPIRED, a -> a.expired(now));
        }
        return expired.size();
    }

    /** Told of every durable append: how long it took and the journal's size after it. */
    public interface AppendListener {
        void appended(long nanos, long journalBytes);
    }

    public void onAppend(AppendListener listener) {
        appendListener = listener;
    }

    private void commitUser(String actor, ChangeType type, User stored) {
        JournalEntry entry = JournalEntry.ofUser(lastSeq + 1, clock.instant(), actor, type.code(), stored);
        append(entry);
        users.put(stored);
        committed(entry);
    }

    private void commitAppointment(Instant now, String actor, ChangeType type, Appointment previous,
            Appointment stored) {
        org.clinic.appointments.domain.MessagePolicy.queued(previous, stored, now);
        JournalEntry entry = JournalEntry.ofAppointment(lastSeq + 1, now, actor, type.code(), previous, stored);
        append(entry);
        appointments.put(stored, now);
        committed(entry);
    }

    private void append(JournalEntry entry) {
        long started = System.nanoTime();
        try {
            journal.append(entry);
        } catch (IOException e) {
            LOG.severe(() -> "Change " + entry.type() + " refused: the journal in " + dir.path()
                    + " could not be written: " + e.getMessage());
            throw new StorageException(e);
        }
        lastSeq = entry.seq();
        appendListener.appended(System.nanoTime() - started, journal.size());
    }

    private void committed(JournalEntry entry) {
        CHANGES.info(entry::changeLine);
        if (compactAfterBytes > 0 && journal.size() >= compactAfterBytes && !compaction.isRunning() && clinic.saved()) {
            compaction.startInBackground(journal, lastSeq, users.storedRecords(), appointments.storedRecords());
        }
    }

    /** Folds the journal into the snapshots now, after any compaction in the background (at shutdown). */
    public void compact() {
        compaction.awaitIdle();
        if (journal.size() > 0 && clinic.saved()) {
            compaction.runNow(journal, lastSeq, users.storedRecords(), appointments.storedRecords());
        }
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
