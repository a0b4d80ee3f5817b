package org.clinic.appointments.infrastructure.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

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
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.config.StoreKind;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.clinic.appointments.domain.AccountRecordChange;

/**
 * The one writer of the clinic's data. Reads share a READ lock; every change takes the WRITE lock, is checked
 * against the in-memory indexes, appended to the journal and fsynced before the caller hears of success.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@Lock(LockType.READ)
@AccessTimeout(value = 10, unit = TimeUnit.SECONDS)
@LocalBean
public class Ledger implements AppointmentBook {

    @Inject
    AppConfig config;

    @Inject
    ClinicMetrics metrics;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService compactions;

    /** Set once the load started at deployment has finished; until then {@link #core()} waits for it. */
    private volatile LedgerCore core;
    private LedgerOpening opening;

    @Inject
    LedgerPreload preload;

    /**
     * Takes the load {@link LedgerPreload} started when the deployment began (or starts one), so the data directory
     * loads while the rest of the application starts; the deployment ends only when the load has
     * ({@link LedgerOpened}), and fails when it cannot.
     */
    @PostConstruct
    void open() {
        if (!inUse()) {
            opening = LedgerOpening.none();
            return;
        }
        Path dir = Path.of(config.dataDir());
        CompletableFuture<LedgerCore> loading = preload
                .take(dir, config.zone(), clock, config.journalCompactBytes(), compactions)
                .orElseGet(() -> CompletableFuture.supplyAsync(
                        () -> LedgerCore.open(dir, config.zone(), clock, config.journalCompactBytes(), compactions),
                        compactions));
        opening = LedgerOpening.of(loading, this::opened);
    }

    private LedgerCore opened(LedgerCore loaded) {
        loaded.offerOnly(config.defaultWeek());
        loaded.offerFreedSlots(new WaitlistTerms(config.waitlistOffer(), config.consultationFee(), config.limits(),
                config.zone()));
        metrics.journalSize(loaded.journalSize());
        loaded.onAppend(metrics::appended);
        metrics.watch(loaded::appointmentCount, loaded.dataDirectory());
        core = loaded;
        return loaded;
    }

    /** Whether the clinic's records are kept in this ledger ({@code appointments.store=json}). */
    public boolean inUse() {
        return config.store() == StoreKind.JSON;
    }

    /** Whether the load started at deployment has finished. */
    public boolean isOpen() {
        return core != null;
    }

    /** Waits for the load started at deployment; rethrows why it failed. */
    public void awaitOpened() {
        if (inUse()) {
            core();
        }
    }

    private LedgerCore core() {
        LedgerCore loaded = core;
        return loaded != null ? loaded : opening.join();
    }

    @PreDestroy
    @Lock(LockType.WRITE)
    void close() {
        if (opening != null) {
            opening.ended().ifPresent(loaded -> {
                loaded.compact();
                loaded.close();
            });
        }
    }

    @Override
    public List<Doctor> doctors() {
        return core().doctors();
    }

    @Override
    public Optional<Doctor> doctor(String id) {
        return core().doctor(id);
    }

    @Override
    public Optional<User> user(String id) {
        return core().user(id);
    }

    @Override
    public Optional<User> userByEmail(String email) {
        return core().userByEmail(email);
    }

    public int userCount() {
        return core().userCount();
    }

    @Override
    public Optional<Appointment> appointment(String id) {
        return core().appointment(id);
    }

    public int appointmentCount() {
        return core().appointmentCount();
    }

    @Override
    public List<Appointment> appointmentsOfPatient(String userId) {
        return core().appointmentsOfPatient(userId);
    }

    @Override
    public List<Appointment> appointmentsOfPatientChangedSince(String userId, java.time.Instant since) {
        return core().appointmentsOfPatientChangedSince(userId, since);
    }

    @Override
    public List<Appointment> appointmentsOf(String doctorId, LocalDate date) {
        return core().appointmentsOf(doctorId, date);
    }

    @Override
    public List<WaitlistPlace> waitlist(String doctorId, LocalDate date) {
        return core().waitlist(doctorId, date);
    }

    public Optional<Appointment> slotHolder(SlotKey slot) {
        return core().slotHolder(slot);
    }

    @Override
    public Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to) {
        return core().takenTimes(doctorId, from, to);
    }

    public int pendingCount() {
        return core().pendingCount();
    }

    public Path dataDirectory() {
        return core().dataDirectory();
    }

    /** Free space in the data directory's file system; -1 when it cannot be read. */
    public long freeDiskBytes() {
        return DataDirectory.usableSpace(core().dataDirectory());
    }

    public long journalSize() {
        return core().journalSize();
    }

    @Override
    public ClinicFigures figures() {
        return core().figures();
    }

    @Override
    public List<User> admins() {
        return core().admins();
    }

    @Override
    public Page<AccountRecordChange> accountChanges(AuditQuery query, int first,
            int size) {
        return core().accountChanges(query, first, size);
    }

    @Override
    @Lock(LockType.WRITE)
    public Appointment rebook(String cancelledId, String actor, java.util.function.UnaryOperator<Appointment> replacementOf) {
        return core().rebook(cancelledId, actor, replacementOf);
    }

    @Override
    public ClinicSchedule schedule() {
        return core().schedule();
    }

    @Override
    @Lock(LockType.WRITE)
    public ClinicSchedule changeSchedule(String actor, ChangeType type, java.util.function.UnaryOperator<ClinicSchedule> change) {
        return core().changeSchedule(actor, type, change);
    }

    @Override
    public List<Appointment> withDueMessages(int max) {
        return core().withDueMessages(max);
    }

    @Override
    public List<String> specializations() {
        return core().specializations();
    }

    @Override
    @Lock(LockType.WRITE)
    public List<String> changeSpecializations(String actor, java.util.function.UnaryOperator<List<String>> change) {
        return core().changeSpecializations(actor, change);
    }

    @Override
    @Lock(LockType.WRITE)
    public Doctor addDoctor(Doctor doctor, String actor) {
        return core().addDoctor(doctor, actor);
    }

    @Override
    @Lock(LockType.WRITE)
    public Doctor changeDoctor(String id, String actor, ChangeType type, java.util.function.UnaryOperator<Doctor> change) {
        return core().changeDoctor(id, actor, type, change);
    }

    @Override
    @Lock(LockType.WRITE)
    public void storePhoto(String name, byte[] bytes) {
        core().storePhoto(name, bytes);
    }

    @Override
    public Optional<byte[]> photo(String name) {
        return core().photo(name);
    }

    @Override
    public List<User> findPatients(String text, int max) {
        return core().findPatients(text, max);
    }

    @Override
    public Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first,
            int size) {
        return core().search(query, sort, ascending, first, size);
    }

    @Override
    public Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return core().audit(query, first, size);
    }

    @Override
    @Lock(LockType.WRITE)
    public User registerUser(User user, String actor) {
        return core().registerUser(user, actor);
    }

    @Override
    @Lock(LockType.WRITE)
    public User updateUser(User user, String actor, ChangeType type) {
        return core().updateUser(user, actor, type);
    }

    @Override
    @Lock(LockType.WRITE)
    public User changeUser(String id, String actor, ChangeType type, java.util.function.UnaryOperator<User> change) {
        return core().changeUser(id, actor, type, change);
    }

    @Override
    @Lock(LockType.WRITE)
    public Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        return core().hold(appointment, actor, limits);
    }

    @Override
    @Lock(LockType.WRITE)
    public Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition) {
        return core().change(id, actor, type, transition);
    }

    @Override
    @Lock(LockType.WRITE)
    public Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor) {
        return core().moveToPatient(id, fromUserId, into, move, actor);
    }

    @Override
    @Lock(LockType.WRITE)
    public Appointment changeOwn(String id, String patientId, ChangeType type, BookingLimits limits,
            UnaryOperator<Appointment> transition) {
        return core().changeOwn(id, patientId, type, limits, transition);
    }

    @Override
    @Lock(LockType.WRITE)
    @AccessTimeout(value = 30, unit = TimeUnit.SECONDS)
    public int expireHolds() {
        return core().expireHolds();
    }

    @Lock(LockType.WRITE)
    @AccessTimeout(value = 5, unit = TimeUnit.MINUTES)
    public void compact() {
        core().compact();
    }
}
