package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.User;

/**
 * The ledger's data and rules without the container: users and appointments in memory with their indexes,
 * every change made durable in the journal before it is applied. Not thread-safe: {@link Ledger} guards it
 * with container-managed locks; unit tests call it from one thread.
 *
 * <p>Stored records are never mutated after they are put in: a change replaces the record, and callers get
 * copies.</p>
 */
public final class LedgerCore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerCore.class.getName());
    /** One line per durable change: who, what, which record and its new state; never secrets or reasons for visit. */
    static final Logger CHANGES = Logger.getLogger("org.clinic.appointments.changes");

    private AppendListener appendListener = (nanos, journalBytes) -> { };

    private final LedgerFiles files;
    private final JsonCodec codec;
    private final Clock clock;
    private final long compactAfterBytes;

    private final Map<String, Doctor> doctors = new LinkedHashMap<>();
    private final Map<String, User> usersById = new LinkedHashMap<>();
    private final Map<String, String> userIdByEmail = new HashMap<>();
    private final Map<String, List<String>> sharedEmailKeys = new HashMap<>();
    private final Map<SlotKey, String> slotOwner = new HashMap<>();
    private final Map<String, List<String>> appointmentIdsByPatient = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, List<String>>> appointmentIdsByDoctorDate = new HashMap<>();
    private final Set<String> pendingIds = new java.util.LinkedHashSet<>();
    private final FigureCounters figures = new FigureCounters();
    private final AppointmentColumns columns = new AppointmentColumns();
    private final AuditColumns auditColumns = new AuditColumns(columns);
    /** One copy of each often repeated value (ids, names, times, actions) for all appointments that carry it. */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<LocalDate, LocalDate> sharedDates = new HashMap<>();
    /** Equal amounts with the same scale: 500 and 500.00 stay as written. */
    private final Map<java.math.BigDecimal, java.math.BigDecimal> sharedAmounts = new HashMap<>();

    private long lastSeq;

    private LedgerCore(Path dir, ZoneId clinicZone, Clock clock, long compactAfterBytes) {
        this.codec = new JsonCodec(clinicZone);
        this.files = new LedgerFiles(dir, codec);
        this.clock = clock;
        this.compactAfterBytes = compactAfterBytes;
    }

    /** Loads the data directory (snapshots, then the journal after them) and opens it for writing. */
    public static LedgerCore open(Path dir, ZoneId clinicZone, Clock clock, long compactAfterBytes) {
        LedgerCore core = new LedgerCore(dir, clinicZone, clock, compactAfterBytes);
        try {
            core.load();
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        return core;
    }

    private void load() {
        files.lockDirectory();
        for (Doctor doctor : files.readDoctors()) {
            if (doctor.getId() == null || doctor.getId().isBlank()) {
                throw new LedgerLoadException(files.dir().resolve(LedgerFiles.DOCTORS) + ": a doctor has no id");
            }
            doctors.put(doctor.getId(), doctor);
        }
        int index = 0;
        for (User user : files.readUsers()) {
            index++;
            requireUser(user, LedgerFiles.USERS + ", record " + index);
            putUser(user);
        }
        int[] record = {0};
        files.readAppointments(appointment -> {
            record[0]++;
            requireAppointment(appointment, LedgerFiles.APPOINTMENTS + ", record " + record[0]);
            putAppointment(appointment);
        });
        long stateSeq = files.readStateSeq();
        lastSeq = stateSeq;
        long snapshotSeq = files.replayArchivesAfter(stateSeq, this::replayed);
        files.replayJournal(entry -> {
            if (entry.getSeq() > snapshotSeq) {
                replayed(entry);
            }
        });
        files.openJournal(snapshotSeq + 1);
        columns.fitToSize();
        auditColumns.fitToSize();
        LOG.info(() -> "Ledger loaded from " + files.dir() + ": " + doctors.size() + " doctors, " + usersById.size()
                + " users, " + columns.size() + " appointments, journal up to seq " + lastSeq);
        sharedEmailKeys.values().forEach(ids -> LOG.warning(() -> "Accounts " + ids + " have e-mail addresses that read"
                + " as one; they are kept apart (each logs in with its address exactly as stored) and none is merged"));
    }

    private void replayed(JournalEntry entry) {
        String where = LedgerFiles.JOURNAL + ", seq " + entry.getSeq();
        if (entry.getUser() != null) {
            requireUser(entry.getUser(), where);
            putUser(entry.getUser());
        }
        if (entry.getAppointment() != null) {
            requireAppointment(entry.getAppointment(), where);
            putAppointment(entry.getAppointment());
        }
        lastSeq = entry.getSeq();
    }

    private void requireUser(User user, String where) {
        if (user == null || blank(user.getId()) || blank(user.getEmail()) || user.getRole() == null) {
            throw new LedgerLoadException(files.dir().resolve(where) + ": a user needs id, email and role");
        }
    }

    private void requireAppointment(Appointment a, String where) {
        if (a == null || blank(a.getId()) || blank(a.getUserId()) || blank(a.getDoctorId()) || a.getDate() == null
                || blank(a.getTime()) || a.getStatus() == null) {
            throw new LedgerLoadException(files.dir().resolve(where)
                    + ": an appointment needs id, user_id, doctor_id, date, time and status");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // ---- reads -------------------------------------------------------------------------------------------

    public List<Doctor> doctors() {
        return List.copyOf(doctors.values());
    }

    public Optional<Doctor> doctor(String id) {
        return Optional.ofNullable(id == null ? null : doctors.get(id));
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(id == null ? null : usersById.get(id)).map(User::copy);
    }

    /**
     * The account of this address by its identity key. Where accounts of the earlier system share a key, the one
     * whose stored address is exactly the one given answers (so none of them is merged into another).
     */
    public Optional<User> userByEmail(String email) {
        String key = EmailAddress.identityKey(email);
        List<String> sharing = sharedEmailKeys.get(key);
        if (sharing != null) {
            String exact = email.strip().toLowerCase(java.util.Locale.ROOT);
            for (String id : sharing) {
                if (exact.equals(usersById.get(id).getEmail().strip().toLowerCase(java.util.Locale.ROOT))) {
                    return user(id);
                }
            }
        }
        return user(key == null ? null : userIdByEmail.get(key));
    }

    /** Accounts whose e-mail address has the identity key of an older account's (migrated data only), by key. */
    public Map<String, List<String>> sharedEmailKeys() {
        return Map.copyOf(sharedEmailKeys);
    }

    public int userCount() {
        return usersById.size();
    }

    public List<User> users() {
        return usersById.values().stream().map(User::copy).toList();
    }

    public Optional<Appointment> appointment(String id) {
        return Optional.ofNullable(id == null ? null : columns.get(id)).map(Appointment::copy);
    }

    public int appointmentCount() {
        return columns.size();
    }

    /** A patient's appointments, newest booking first. */
    public List<Appointment> appointmentsOfPatient(String userId) {
        List<String> ids = appointmentIdsByPatient.getOrDefault(userId, List.of());
        List<Appointment> result = new ArrayList<>(ids.size());
        for (int i = ids.size() - 1; i >= 0; i--) {
            result.add(columns.get(ids.get(i)).copy());
        }
        return result;
    }

    /** A doctor's appointments on one day, in booking order. */
    public List<Appointment> appointmentsOf(String doctorId, LocalDate date) {
        TreeMap<LocalDate, List<String>> byDate = appointmentIdsByDoctorDate.get(doctorId);
        List<String> ids = byDate == null ? null : byDate.get(date);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(id -> columns.get(id).copy()).toList();
    }

    /** For each day from {@code from} to {@code to} (inclusive) that has any, the doctor's slots owned now. */
    public Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, List<String>> byDate = appointmentIdsByDoctorDate.get(doctorId);
        Map<LocalDate, Set<String>> taken = new TreeMap<>();
        if (byDate == null || from.isAfter(to)) {
            return taken;
        }
        Instant now = clock.instant();
        byDate.subMap(from, true, to, true).forEach((date, ids) -> {
            for (String id : ids) {
                Appointment a = columns.get(id);
                if (a.holdsSlot(now)) {
                    taken.computeIfAbsent(date, d -> new TreeSet<>()).add(a.getTime());
                }
            }
        });
        return taken;
    }

    /** How many appointments are waiting for payment (live or expired holds not yet swept). */
    public int pendingCount() {
        return pendingIds.size();
    }

    /** The appointment that owns the slot now, if any. */
    public Optional<Appointment> slotHolder(SlotKey slot) {
        return liveOwner(slot, clock.instant()).map(Appointment::copy);
    }

    private Optional<Appointment> liveOwner(SlotKey slot, Instant now) {
        String id = slotOwner.get(slot);
        Appointment owner = id == null ? null : columns.get(id);
        return owner != null && owner.holdsSlot(now) ? Optional.of(owner) : Optional.empty();
    }

    // ---- admin reads -------------------------------------------------------------------------------------

    public ClinicFigures figures() {
        return figures.snapshot(doctors.keySet());
    }

    /** The admin accounts, by name. */
    public List<User> admins() {
        return usersById.values().stream().filter(u -> u.getRole() == Role.ADMIN).map(User::copy)
                .sorted(java.util.Comparator.comparing(User::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * One page of the appointments that match, in the order asked for, without copying or sorting the rest:
     * filters and the slot order read the columns; a query for one doctor looks only at their appointments.
     */
    /** Pages that end within this many rows are picked in the same pass that counts the matches. */
    static final int ONE_PASS_ROWS = 100;

    public Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first,
            int size) {
        List<String> candidates = null;
        if (query.doctorId() != null) {
            candidates = new ArrayList<>();
            TreeMap<LocalDate, List<String>> byDate = appointmentIdsByDoctorDate.get(query.doctorId());
            if (byDate != null) {
                for (List<String> ids : range(byDate, query.from(), query.to()).values()) {
                    candidates.addAll(ids);
                }
            }
        }
        List<String> scope = candidates;
        int[] total = {0};
        List<Integer> rows;
        if (size > 0 && first >= 0 && first + size <= ONE_PASS_ROWS) {
            rows = TopK.front(columns.order(sort, ascending), first, size,
                    sink -> columns.forEachMatch(query, scope, row -> {
                        total[0]++;
                        sink.accept(row);
                    }));
        } else {
            columns.forEachMatch(query, scope, row -> total[0]++);
            rows = TopK.page(total[0], columns.order(sort, ascending), first, size,
                    sink -> columns.forEachMatch(query, scope, sink::accept));
        }
        return new Page<>(rows.stream().map(row -> columns.row(row).copy()).toList(), total[0]);
    }

    private static Map<LocalDate, List<String>> range(TreeMap<LocalDate, List<String>> byDate, LocalDate from,
            LocalDate to) {
        if (from != null && to != null) {
            return from.isAfter(to) ? Map.of() : byDate.subMap(from, true, to, true);
        }
        if (from != null) {
            return byDate.tailMap(from, true);
        }
        return to != null ? byDate.headMap(to, true) : byDate;
    }

    /** One page of the changes of all appointments that match, newest first. */
    public Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return auditColumns.page(query, first, size);
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long journalSize() {
        return files.journalSize();
    }

    public Path dataDirectory() {
        return files.dir();
    }

    // ---- writes ------------------------------------------------------------------------------------------

    /** Adds an account unless its e-mail address (case-insensitive) is taken. */
    public User registerUser(User user, String actor) {
        requireUser(user, "new user");
        String email = EmailAddress.identityKey(user.getEmail());
        if (userIdByEmail.containsKey(email) || usersById.containsKey(user.getId())) {
            throw new DuplicateEmailException();
        }
        User stored = user.copy();
        stored.setEmail(email);
        commit(JournalEntry.of(lastSeq + 1, clock.instant(), actor, ChangeType.USER_REGISTERED.code(), stored, null));
        return stored.copy();
    }

    /** Replaces an account's record (same id, same e-mail address). */
    public User updateUser(User user, String actor, ChangeType type) {
        User current = usersById.get(user.getId());
        if (current == null) {
            throw new IllegalArgumentException("No user " + user.getId());
        }
        User stored = user.copy();
        stored.setEmail(current.getEmail());
        commit(JournalEntry.of(lastSeq + 1, clock.instant(), actor, type.code(), stored, null));
        return stored.copy();
    }

    /**
     * Stores a new appointment that owns its slot, unless the slot is owned already. The check and the write
     * happen in one call, so callers hold the ledger's write lock across both.
     */
    public Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        SlotKey slot = appointment.slot();
        Instant now = clock.instant();
        if (liveOwner(slot, now).isPresent()) {
            throw new SlotTakenException(slot);
        }
        if (columns.get(appointment.getId()) != null) {
            throw new IllegalArgumentException("Appointment " + appointment.getId() + " exists already");
        }
        limits.requireRoomForHold(appointment, patientAppointments(appointment.getUserId()), now);
        Appointment stored = appointment.copy();
        commit(JournalEntry.of(lastSeq + 1, clock.instant(), actor, ChangeType.BOOKED.code(), null, stored));
        return stored.copy();
    }

    /**
     * Applies a transition to the current state of an appointment and stores the result, in one call, so the
     * transition's rules see what is stored, not what a page showed earlier. A slot it moves to must be free;
     * the old slot is released in the same write.
     */
    public Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition) {
        Appointment current = id == null ? null : columns.get(id);
        if (current == null) {
            throw new IllegalArgumentException("No appointment " + id);
        }
        Appointment next = transition.apply(current.copy());
        if (!current.getId().equals(next.getId()) || !current.getUserId().equals(next.getUserId())) {
            throw new IllegalArgumentException("A change cannot alter an appointment's id or patient");
        }
        Instant now = clock.instant();
        if (next.holdsSlot(now) && !next.slot().equals(current.slot())) {
            Optional<Appointment> owner = liveOwner(next.slot(), now);
            if (owner.isPresent() && !owner.get().getId().equals(next.getId())) {
                throw new SlotTakenException(next.slot());
            }
            BookingLimits.requireNoClash(next, patientAppointments(next.getUserId()), now);
        }
        Appointment stored = next.copy();
        commit(JournalEntry.of(lastSeq + 1, now, actor, type.code(), null, stored));
        return stored.copy();
    }

    /** Cancels every hold that has run out; returns how many. */
    public int expireHolds() {
        Instant now = clock.instant();
        List<String> expired = pendingIds.stream()
                .filter(id -> columns.get(id).isHoldExpired(now))
                .toList();
        for (String id : expired) {
            change(id, "system", ChangeType.HOLD_EXPIRED, a -> a.expired(now));
        }
        return expired.size();
    }

    private List<Appointment> patientAppointments(String userId) {
        return appointmentIdsByPatient.getOrDefault(userId, List.of()).stream().map(columns::get).toList();
    }

    /** Told of every durable append: how long it took and the journal's size after it. */
    public interface AppendListener {
        void appended(long nanos, long journalBytes);
    }

    public void onAppend(AppendListener listener) {
        appendListener = listener;
    }

    private void commit(JournalEntry entry) {
        long started = System.nanoTime();
        try {
            files.append(entry);
        } catch (IOException e) {
            LOG.severe(() -> "Change " + entry.getType() + " refused: the journal in " + files.dir()
                    + " could not be written: " + e.getMessage());
            throw new StorageException(e);
        }
        lastSeq = entry.getSeq();
        if (entry.getUser() != null) {
            putUser(entry.getUser());
        }
        if (entry.getAppointment() != null) {
            putAppointment(entry.getAppointment());
        }
        long took = System.nanoTime() - started;
        CHANGES.info(() -> changeLine(entry));
        if (compactAfterBytes > 0 && files.journalSize() >= compactAfterBytes) {
            compact();
        }
        appendListener.appended(took, files.journalSize());
    }

    static String changeLine(JournalEntry entry) {
        StringBuilder line = new StringBuilder("change seq=").append(entry.getSeq())
                .append(" type=").append(entry.getType()).append(" actor=").append(entry.getActor());
        if (entry.getUser() != null) {
            line.append(" user=").append(entry.getUser().getId()).append(" role=").append(entry.getUser().getRole().code());
        }
        Appointment a = entry.getAppointment();
        if (a != null) {
            line.append(" appointment=").append(a.getId()).append(" status=").append(a.getStatus().code());
            if (a.getPaymentStatus() != null) {
                line.append(" payment=").append(a.getPaymentStatus().code());
            }
        }
        return line.toString();
    }

    /** Folds the journal into the snapshots. A failure leaves the journal in charge; nothing is lost. */
    public void compact() {
        if (files.journalSize() == 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            files.compact(usersById.values(), columns.all(), lastSeq);
            LOG.info(() -> "Ledger compacted at seq " + lastSeq + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException e) {
            LOG.warning(() -> "Compaction failed, the journal stays in use: " + e.getMessage());
            files.openJournal(lastSeq + 1);
        }
    }

    // ---- indexes -----------------------------------------------------------------------------------------

    private void putUser(User user) {
        User previous = usersById.put(user.getId(), user);
        if (previous != null) {
            userIdByEmail.remove(EmailAddress.identityKey(previous.getEmail()), previous.getId());
        }
        String key = EmailAddress.identityKey(user.getEmail());
        String holder = userIdByEmail.putIfAbsent(key, user.getId());
        if (holder != null && !holder.equals(user.getId())) {
            List<String> sharing = sharedEmailKeys.computeIfAbsent(key, k -> new ArrayList<>(List.of(holder)));
            if (!sharing.contains(user.getId())) {
                sharing.add(user.getId());
            }
        }
    }

    private void putAppointment(Appointment appointment) {
        if (appointment.getHistory() == null) {
            appointment.setHistory(new ArrayList<>());
        }
        shareRepeatedValues(appointment);
        Appointment previous = columns.get(appointment.getId());
        if (previous != null) {
            slotOwner.remove(previous.slot(), previous.getId());
            if (!previous.getDoctorId().equals(appointment.getDoctorId())
                    || !previous.getDate().equals(appointment.getDate())) {
                byDoctorDate(previous.getDoctorId(), previous.getDate()).remove(previous.getId());
                byDoctorDate(appointment.getDoctorId(), appointment.getDate()).add(appointment.getId());
            }
        } else {
            appointmentIdsByPatient.computeIfAbsent(appointment.getUserId(), k -> new ArrayList<>())
                    .add(appointment.getId());
            byDoctorDate(appointment.getDoctorId(), appointment.getDate()).add(appointment.getId());
        }
        figures.replace(previous, appointment);
        auditColumns.put(columns.put(appointment), previous, appointment);
        if (appointment.getStatus() == AppointmentStatus.PENDING_PAYMENT) {
            pendingIds.add(appointment.getId());
        } else {
            pendingIds.remove(appointment.getId());
        }
        if (appointment.getStatus().holdsSlot()) {
            String other = slotOwner.get(appointment.slot());
            Appointment otherAppointment = other == null ? null : columns.get(other);
            if (otherAppointment == null || !otherAppointment.getStatus().holdsSlot()
                    || !otherAppointment.holdsSlot(clock.instant())) {
                slotOwner.put(appointment.slot(), appointment.getId());
            } else if (!other.equals(appointment.getId())) {
                LOG.warning(() -> "Appointments " + other + " and " + appointment.getId() + " both claim "
                        + appointment.slot() + "; " + other + " keeps the slot");
            }
        }
    }

    private void shareRepeatedValues(Appointment a) {
        a.setUserId(shared(a.getUserId()));
        a.setUserEmail(shared(a.getUserEmail()));
        a.setUserName(shared(a.getUserName()));
        a.setDoctorId(shared(a.getDoctorId()));
        a.setDoctorName(shared(a.getDoctorName()));
        a.setTime(shared(a.getTime()));
        a.setPaymentProvider(shared(a.getPaymentProvider()));
        a.setCardBrand(shared(a.getCardBrand()));
        if (a.getDate() != null) {
            a.setDate(sharedDates.computeIfAbsent(a.getDate(), d -> d));
        }
        if (a.getAmount() != null) {
            a.setAmount(sharedAmounts.computeIfAbsent(a.getAmount(), v -> v));
        }
        for (HistoryEntry entry : a.getHistory()) {
            entry.setActor(shared(entry.getActor()));
            entry.setAction(shared(entry.getAction()));
            entry.setAt(sameInstant(entry.getAt(), a.getBookedAt(), a.getPaidAt(), a.getCancelledAt(),
                    a.getNoShowAt(), a.getRefundedAt()));
        }
    }

    /** The first of {@code candidates} equal to {@code at}, so the record and its history hold one object. */
    private static Instant sameInstant(Instant at, Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null && candidate.equals(at)) {
                return candidate;
            }
        }
        return at;
    }

    private String shared(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    private List<String> byDoctorDate(String doctorId, LocalDate date) {
        return appointmentIdsByDoctorDate.computeIfAbsent(doctorId, k -> new TreeMap<>())
                .computeIfAbsent(date, k -> new ArrayList<>());
    }

    /** Every appointment, in the order the ledger holds them (for reports and tests). */
    public List<Appointment> appointments() {
        List<Appointment> all = new ArrayList<>(columns.size());
        columns.all().forEach(a -> all.add(a.copy()));
        return Collections.unmodifiableList(all);
    }

    @Override
    public void close() {
        files.close();
        try {
            codec.close();
        } catch (Exception e) {
            LOG.fine(() -> "Codec close: " + e.getMessage());
        }
    }
}
