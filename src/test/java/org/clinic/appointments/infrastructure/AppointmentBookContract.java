package org.clinic.appointments.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.LocalDateRange;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.WaitlistTerms;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of the clinic's records promises, whatever it is built on: each port operation and each rule a
 * store enforces. One subclass per store.
 */
public abstract class AppointmentBookContract {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    protected static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    /** A Monday, within the next 30 days. */
    protected static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    protected static final ClinicSchedule.DefaultWeek WEEK = new ClinicSchedule.DefaultWeek(
            EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)), List.of("09:00 AM", "10:00 AM", "11:00 AM", "02:00 PM"));
    protected static final BookingLimits LIMITS = new BookingLimits(3);
    private static final PaymentOutcome AT_CLINIC = new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
            PaymentStatus.PENDING, "CLN1", null, null, null);
    protected static final WaitlistTerms TERMS = new WaitlistTerms(Duration.ofMinutes(30), new BigDecimal("500"), LIMITS, ZONE);

    protected final MutableClock clock = new MutableClock(NOW);
    protected AppointmentBook book;

    /** A store with nothing in it, reading time from {@link #clock}; new holds follow {@link #WEEK}, freed slots {@link #TERMS}. */
    protected abstract AppointmentBook openEmpty();

    /** The store closed and opened again (for a store shared by several servers: as another server sees it). */
    protected abstract AppointmentBook reopen();

    private AppointmentBook reopened() {
        book = reopen();
        return book;
    }

    protected abstract void close();

    /** The store as concurrent requests reach it in the application server (with the locks it takes there). */
    protected AppointmentBook asInTheServer(AppointmentBook store) {
        return store;
    }

    @BeforeEach
    void open() {
        book = openEmpty();
        book.addDoctor(doctor("doc1", "Dr. Asha Iyer", "Cardiology"), "admin");
        book.addDoctor(doctor("doc2", "Dr. Ben Das", "Neurology"), "admin");
    }

    @AfterEach
    void closeBook() {
        close();
    }

    private static Doctor doctor(String id, String name, String specialization) {
        Doctor doctor = new Doctor();
        doctor.setId(id);
        doctor.setName(name);
        doctor.setSpecialization(specialization);
        doctor.setFee(new BigDecimal("700"));
        return doctor;
    }

    private static User patient(String name, String email) {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName(name);
        user.setEmail(email);
        user.setPhone("+91 98765 " + Math.abs(email.hashCode() % 100000));
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(NOW);
        return user;
    }

    protected User registered(String name) {
        return book.registerUser(patient(name, name.toLowerCase().replace(' ', '.') + "@example.com"), "system");
    }

    private Appointment holdOf(User patient, String doctorId, String time) {
        return holdOf(patient, doctorId, DAY, time);
    }

    private Appointment holdOf(User patient, String doctorId, LocalDate date, String time) {
        return Appointment.hold(UUID.randomUUID().toString(), patient, book.doctor(doctorId).orElseThrow(), date, time,
                "Check-up", clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
    }

    private Appointment held(User patient, String doctorId, String time) {
        return book.hold(holdOf(patient, doctorId, time), patient.getId(), LIMITS);
    }

    protected Appointment confirmed(User patient, String doctorId, String time) {
        Appointment desk = Appointment.bookedAtDesk(UUID.randomUUID().toString(), patient,
                book.doctor(doctorId).orElseThrow(), DAY, time, "Desk", clock.instant(), "admin", true);
        desk.setAmount(new BigDecimal("700"));
        return book.hold(desk, "admin", LIMITS);
    }

    // ---- the clinic --------------------------------------------------------------------------------------

    @Test
    void doctorsKeepTheOrderTheyWereAddedInAndAnIdOnce() {
        assertEquals(List.of("doc1", "doc2"), book.doctors().stream().map(Doctor::getId).toList());
        assertThrows(IllegalArgumentException.class, () -> book.addDoctor(doctor("doc1", "Dr. Other", "x"), "admin"));
        Doctor changed = book.changeDoctor("doc2", "admin", ChangeType.DOCTOR_EDITED, d -> {
            d.setLocation("Room 4");
            return d;
        });
        assertEquals("Room 4", changed.getLocation());
        assertEquals("Room 4", reopened().doctor("doc2").orElseThrow().getLocation());
        assertThrows(BookingException.class, () -> book.changeDoctor("doc1", "admin", ChangeType.DOCTOR_EDITED, d -> {
            throw new BookingException("doctor.refused");
        }));
    }

    @Test
    void specializationsComeFromTheDoctorsUntilAdminsChangeThem() {
        assertEquals(List.of("Cardiology", "Neurology"), book.specializations());
        book.changeSpecializations("admin", list -> List.of("Neurology", "Cardiology", "Oncology"));
        assertEquals(List.of("Neurology", "Cardiology", "Oncology"), reopened().specializations());
    }

    @Test
    void photosAreKeptByName() {
        byte[] bytes = {1, 2, 3, (byte) 0xff};
        book.storePhoto("abc.jpg", bytes);
        assertArrayEquals(bytes, reopened().photo("abc.jpg").orElseThrow());
        assertTrue(book.photo("none.jpg").isEmpty());
    }

    @Test
    void theScheduleIsStoredAndNewHoldsFollowIt() {
        User patient = registered("Asha Rao");
        book.changeSchedule("admin", ChangeType.HOLIDAY_ADDED,
                s -> ClinicSchedule.of(List.of(new Holiday(DAY, "Festival")), s.plans()));
        assertEquals("Festival", reopened().schedule().holiday(DAY).orElseThrow().name());
        BookingException closed = assertThrows(BookingException.class, () -> held(patient, "doc1", "09:00 AM"));
        assertEquals("booking.slot.not_working", closed.getMessageKey());
        assertTrue(book.appointmentsOfPatient(patient.getId()).isEmpty(), "a refusal stores nothing");
    }

    @Test
    void eachScheduleChangeIsKeptWithWhoWhenAndWhat() {
        Instant at = Instant.parse("2026-11-20T08:30:00Z");
        Leave leave = new Leave("doc2", DAY, DAY.plusDays(2), "Conference \"Cardio\" in Pune");
        book.changeSchedule("admin-1", ChangeType.HOLIDAY_ADDED, s -> s.withHoliday(new Holiday(DAY, "Festival"))
                .recorded(ScheduleChange.holidayAdded(at, "admin-1", new Holiday(DAY, "Festival"))));
        book.changeSchedule("admin-2", ChangeType.LEAVE_PLACED,
                s -> s.withLeave(leave).recorded(ScheduleChange.leavePlaced(at.plusSeconds(60), "admin-2", leave)));
        List<ScheduleChange> kept = reopened().schedule().changes();
        assertEquals(List.of(ScheduleChange.holidayAdded(at, "admin-1", new Holiday(DAY, "Festival")),
                ScheduleChange.leavePlaced(at.plusSeconds(60), "admin-2", leave)), kept);
        assertEquals("doc2", kept.get(1).doctorId());
        assertEquals("Festival", book.schedule().holiday(DAY).orElseThrow().name(), "with the schedule itself");
    }

    // ---- accounts ----------------------------------------------------------------------------------------

    @Test
    void anAddressBelongsToOneAccountWhateverItsCase() {
        User asha = book.registerUser(patient("Asha Rao", "Asha@Example.com"), "system");
        assertThrows(DuplicateEmailException.class,
                () -> book.registerUser(patient("Other", "asha@example.COM"), "system"));
        assertEquals(asha.getId(), reopened().userByEmail("ASHA@example.com").orElseThrow().getId());
        User ben = registered("Ben Das");
        assertThrows(DuplicateEmailException.class, () -> book.changeUser(ben.getId(), ben.getId(),
                ChangeType.PROFILE_CHANGED, u -> {
                    u.setEmail("asha@example.com");
                    return u;
                }));
        User renamed = book.changeUser(ben.getId(), ben.getId(), ChangeType.PROFILE_CHANGED, u -> {
            u.setName("Benoy Das");
            return u;
        });
        assertEquals("Benoy Das", book.user(ben.getId()).orElseThrow().getName());
        assertEquals(renamed.getEmail(), book.user(ben.getId()).orElseThrow().getEmail());
        User updated = book.updateUser(withPhone(renamed, "+91 90000 11111"), "admin", ChangeType.PROFILE_CHANGED);
        assertEquals("+91 90000 11111", reopened().user(updated.getId()).orElseThrow().getPhone());
    }

    private static User withPhone(User user, String phone) {
        User next = user.copy();
        next.setPhone(phone);
        return next;
    }

    @Test
    void patientsAreFoundByNameAddressOrPhoneDigitsAndAdminsListedByName() {
        User asha = registered("Asha Rao");
        registered("Ben Das");
        User admin = patient("Zed Admin", "zed@example.com");
        admin.setRole(Role.ADMIN);
        book.registerUser(admin, "system");
        User early = patient("Anil Admin", "anil@example.com");
        early.setRole(Role.ADMIN);
        book.registerUser(early, "system");

        assertEquals(List.of(asha.getId()), book.findPatients("asha", 10).stream().map(User::getId).toList());
        assertEquals(List.of("Asha Rao", "Ben Das"), book.findPatients("EXAMPLE.com", 10).stream().map(User::getName).toList());
        String digits = asha.getPhone().replaceAll("[^0-9]", "").substring(5);
        assertTrue(book.findPatients(digits, 10).stream().anyMatch(u -> u.getId().equals(asha.getId())));
        User chitra = patient("Chitra Iyer", "chitra@example.com");
        chitra.setPhone("+91 94444 12345");
        book.registerUser(chitra, "system");
        for (String asWritten : List.of("094444 12345", "9444412345", "+91-94444-12345", "919444412345")) {
            assertEquals(List.of("Chitra Iyer"), book.findPatients(asWritten, 10).stream().map(User::getName).toList(),
                    "the number found with or without +91 or a leading 0: " + asWritten);
        }
        assertEquals(1, book.findPatients("example", 1).size(), "at most max");
        assertTrue(book.findPatients("%", 10).isEmpty(), "a wildcard is a plain character");
        assertTrue(book.findPatients("zed", 10).isEmpty(), "admins are not patients");
        assertEquals(List.of("Anil Admin", "Zed Admin"), book.admins().stream().map(User::getName).toList());
    }

    @Test
    void eachChangeAnAdminMakesToAnAccountIsKeptOnIt() {
        User asha = registered("Asha Rao");
        registered("Ben Das");
        Instant at = Instant.parse("2026-11-20T08:30:00Z");
        book.changeUser(asha.getId(), "admin-1", ChangeType.SUSPENDED, u -> u.suspended(at, "admin-1"));
        book.changeUser(asha.getId(), "admin-2", ChangeType.REACTIVATED, u -> u.reactivated(at.plusSeconds(60), "admin-2"));
        User invited = patient("New Admin", "new.admin@example.com");
        invited.setRole(Role.ADMIN);
        invited.invite("token-hash", at, at.plusSeconds(3600), "admin-1");
        book.registerUser(invited, "admin-1");

        AppointmentBook again = reopened();
        Map<String, List<AccountChange>> kept = again.accountChanges(new AuditQuery(null, null, null, null), 0, 25).rows()
                .stream().sorted(java.util.Comparator.comparingInt(AccountRecordChange::index))
                .collect(java.util.stream.Collectors.groupingBy(AccountRecordChange::userName,
                        java.util.stream.Collectors.mapping(AccountRecordChange::change, java.util.stream.Collectors.toList())));
        assertEquals(Map.of(
                "Asha Rao", List.of(new AccountChange(at, "admin-1", ChangeType.SUSPENDED, null),
                        new AccountChange(at.plusSeconds(60), "admin-2", ChangeType.REACTIVATED, null)),
                "New Admin", List.of(new AccountChange(at, "admin-1", ChangeType.ADMIN_INVITED, "new.admin@example.com"))),
                kept, "only the accounts with changes, each with its own");
        assertFalse(again.user(asha.getId()).orElseThrow().isSuspended(), "with the account itself");
        assertTrue(again.accountChanges(new AuditQuery(null, null, null, null), 0, 25).rows().stream().allMatch(r -> r.role() == (r.userName().equals("New Admin")
                ? Role.ADMIN : Role.PATIENT) && again.user(r.userId()).isPresent()), "each with its account's id and role");
    }

    @Test
    void anAccountKeepsWhoOpenedItAndEachLaterChangeOnceInOrder() {
        Instant at = Instant.parse("2026-11-21T04:00:00Z");
        User walkIn = book.registerUser(User.walkIn(UUID.randomUUID().toString(), "Walk In", "+91 90000 22222", at,
                "admin-1"), "admin-1");
        book.changeUser(walkIn.getId(), walkIn.getId(), ChangeType.PASSWORD_REHASHED, u -> u);
        book.changeUser(walkIn.getId(), "admin-2", ChangeType.SUSPENDED, u -> u.suspended(at.plusSeconds(60), "admin-2"));
        book.changeUser(walkIn.getId(), walkIn.getId(), ChangeType.PASSWORD_REHASHED, u -> u);
        List<AccountChange> expected = List.of(new AccountChange(at, "admin-1", ChangeType.USER_REGISTERED, null),
                new AccountChange(at.plusSeconds(60), "admin-2", ChangeType.SUSPENDED, null));
        assertEquals(List.of(expected.get(1), expected.get(0)), book.accountChanges(new AuditQuery(null, null, null, null),
                0, 25).rows().stream().map(AccountRecordChange::change).toList(), "each once, as they are made");

        AppointmentBook again = reopened();
        assertEquals(expected, again.user(walkIn.getId()).orElseThrow().getChanges(), "on the account");
        assertEquals(List.of(expected.get(1), expected.get(0)), again.accountChanges(new AuditQuery(null, null, null, null), 0, 25).rows().stream()
                .map(AccountRecordChange::change).toList(), "in the audit trail, each once, newest first");
        assertEquals(at, again.user(walkIn.getId()).orElseThrow().getCreatedAt());
    }

    @Test
    void accountChangesAreFilteredByWhoWhatAndWhenNewestFirstAPageAtATime() {
        User asha = registered("Asha Rao");
        User ben = registered("Ben Das");
        Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
        book.changeUser(asha.getId(), "admin-1", ChangeType.SUSPENDED, u -> u.suspended(t0, "admin-1"));
        book.changeUser(ben.getId(), ben.getId(), ChangeType.PROFILE_CHANGED,
                u -> u.profileChanged("Ben K. Das", u.getPhone(), t0.plusSeconds(60)));
        book.changeUser(asha.getId(), "admin-2", ChangeType.REACTIVATED, u -> u.reactivated(t0.plusSeconds(120), "admin-2"));
        book.changeUser(asha.getId(), "admin-1", ChangeType.SUSPENDED, u -> u.suspended(t0.plusSeconds(120), "admin-1"));
        AppointmentBook again = reopened();

        java.util.function.Function<Page<AccountRecordChange>, List<String>> rows = page -> page.rows().stream()
                .map(r -> r.userName() + " " + r.change().getAction()).toList();
        Page<AccountRecordChange> all = again.accountChanges(new AuditQuery(null, null, null, null), 0, 25);
        assertEquals(4, all.total());
        assertEquals(List.of("Asha Rao user.suspended", "Asha Rao user.reactivated", "Ben K. Das user.profile_changed",
                "Asha Rao user.suspended"), rows.apply(all), "newest first; of two at one instant, the later change");
        assertEquals(List.of("Asha Rao user.suspended", "Asha Rao user.suspended"),
                rows.apply(again.accountChanges(new AuditQuery("admin-1", null, null, null), 0, 25)));
        assertEquals(List.of("Asha Rao user.reactivated"),
                rows.apply(again.accountChanges(new AuditQuery(null, "user.reactivated", null, null), 0, 25)));
        assertEquals(List.of("Ben K. Das user.profile_changed"), rows.apply(again.accountChanges(
                new AuditQuery(null, null, t0.plusSeconds(1), t0.plusSeconds(120)), 0, 25)), "from inclusive, until exclusive");
        Page<AccountRecordChange> second = again.accountChanges(new AuditQuery(null, null, null, null), 2, 2);
        assertEquals(4, second.total());
        assertEquals(List.of("Ben K. Das user.profile_changed", "Asha Rao user.suspended"), rows.apply(second));
        assertEquals(List.of(), again.accountChanges(new AuditQuery(null, null, null, null), 10, 25).rows(), "past the end");
        assertEquals(4, again.accountChanges(new AuditQuery(null, null, null, null), 0, 0).total(), "a count alone");
        assertEquals("name: Ben Das → Ben K. Das", again.accountChanges(new AuditQuery(null, "user.profile_changed", null,
                null), 0, 25).rows().get(0).change().getDetail());
    }

    // ---- holds and changes -------------------------------------------------------------------------------

    @Test
    void aSlotHasOneHolderUntilItsHoldRunsOut() {
        User first = registered("First Patient");
        User second = registered("Second Patient");
        Appointment held = held(first, "doc1", "09:00 AM");
        SlotTakenException taken = assertThrows(SlotTakenException.class, () -> held(second, "doc1", "09:00 AM"));
        assertEquals("booking.slot.taken", taken.getMessageKey());
        assertEquals(Map.of(DAY, Set.of("09:00 AM")), book.takenTimes("doc1", DAY, DAY));

        clock.advance(Duration.ofMinutes(16));
        assertTrue(book.takenTimes("doc1", DAY, DAY).isEmpty(), "a hold that ran out frees its slot at once");
        Appointment late = held(second, "doc1", "09:00 AM");
        assertEquals(late.getId(), book.appointmentsOf("doc1", DAY).stream()
                .filter(a -> a.holdsSlot(clock.instant())).findFirst().orElseThrow().getId());
        assertTrue(!book.appointment(held.getId()).orElseThrow().holdsSlot(clock.instant()),
                "the hold that ran out no longer has the slot");
    }

    @Test
    void aPatientCannotHoldTwoSlotsAtOnceNorMoreThanTheLimit() {
        User patient = registered("Asha Rao");
        held(patient, "doc1", "09:00 AM");
        BookingException clash = assertThrows(BookingException.class, () -> held(patient, "doc2", "09:00 AM"));
        assertEquals("booking.patient.same_time", clash.getMessageKey());
        held(patient, "doc1", "10:00 AM");
        held(patient, "doc1", "11:00 AM");
        BookingException tooMany = assertThrows(BookingException.class, () -> held(patient, "doc2", "02:00 PM"));
        assertEquals("booking.holds.too_many", tooMany.getMessageKey());
        assertEquals(3, book.appointmentsOfPatient(patient.getId()).size(), "refusals store nothing");
    }

    @Test
    void aSuspendedPatientsOwnHoldIsRefusedAsStoredButTheDeskMayBookForThem() {
        User patient = registered("Asha Rao");
        User onTheBookingPage = book.user(patient.getId()).orElseThrow();
        book.changeUser(patient.getId(), "admin", ChangeType.SUSPENDED, u -> u.suspended(clock.instant(), "admin"));
        BookingException refused = assertThrows(BookingException.class,
                () -> book.hold(holdOf(onTheBookingPage, "doc1", "09:00 AM"), patient.getId(), LIMITS));
        assertEquals("login.suspended", refused.getMessageKey());
        assertTrue(reopened().appointmentsOfPatient(patient.getId()).isEmpty(), "nothing stored");
        assertEquals(patient.getId(), confirmed(onTheBookingPage, "doc1", "09:00 AM").getUserId(), "the desk books");
    }

    @Test
    void aPatientsOwnChangesPastTheirRateAreRefusedAsStoredWhileOthersMayStillChangeForThem() {
        BookingLimits threeChanges = new BookingLimits(10, 10, 10, 10, 3, 3, Duration.ofMinutes(10), ZONE);
        User patient = registered("Asha Rao");
        String own = patient.getId();
        Appointment first = book.hold(holdOf(patient, "doc1", "09:00 AM"), own, threeChanges);
        book.changeOwn(first.getId(), own, ChangeType.PAYMENT, threeChanges,
                a -> a.paid(AT_CLINIC, clock.instant(), own));
        Appointment second = book.hold(holdOf(patient, "doc1", "10:00 AM"), own, threeChanges);

        assertEquals("account.changes.too_many", assertThrows(BookingException.class,
                () -> book.hold(holdOf(patient, "doc2", "11:00 AM"), own, threeChanges)).getMessageKey());
        assertEquals("account.changes.too_many", assertThrows(BookingException.class,
                () -> book.changeOwn(second.getId(), own, ChangeType.CANCELLED, threeChanges,
                        a -> a.holdReleased("changed my mind", clock.instant(), own))).getMessageKey());
        assertEquals(List.of(AppointmentStatus.PENDING_PAYMENT, AppointmentStatus.CONFIRMED),
                reopened().appointmentsOfPatient(own).stream().map(Appointment::getStatus).toList(),
                "refusals store nothing");

        assertEquals(AppointmentStatus.CANCELLED, book.change(second.getId(), "admin", ChangeType.CANCELLED,
                a -> a.holdReleased("desk", clock.instant(), "admin")).getStatus(), "an admin's change is not counted");
        assertEquals(own, confirmed(patient, "doc2", "11:00 AM").getUserId(), "nor the desk's booking");
        clock.advance(Duration.ofMinutes(11));
        assertEquals(own, book.hold(holdOf(patient, "doc2", "02:00 PM"), own, threeChanges).getUserId(),
                "once the window has passed");
    }

    @Test
    void aPatientRacingThemselvesMakesNoMoreChangesThanTheirRate() throws Exception {
        BookingLimits threeChanges = new BookingLimits(10, 10, 10, 10, 3, 3, Duration.ofMinutes(10), ZONE);
        User patient = registered("Asha Rao");
        AppointmentBook shared = asInTheServer(book);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> surprises = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 8; i++) {
            Appointment hold = holdOf(patient, "doc" + (1 + i % 2), DAY.plusDays(i % 6), WEEK.slotTimes().get(i % 4));
            pool.execute(() -> {
                try {
                    start.await();
                    shared.hold(hold, patient.getId(), threeChanges);
                } catch (BookingException refused) {
                    refusals.add(refused.getMessageKey());
                } catch (Throwable e) {
                    surprises.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(surprises.isEmpty(), () -> "only refusals: " + surprises);
        assertEquals(3, book.appointmentsOfPatient(patient.getId()).size(), "three changes in the window");
        assertEquals(List.of("account.changes.too_many"), refusals.stream().distinct().toList());
    }

    @Test
    void aPatientsOwnMoveOntoADayAtTheirLimitIsRefusedAsStoredButTheDeskMayMoveThem() {
        BookingLimits onePerDay = new BookingLimits(10, 10, 10, 1, 3, 30, Duration.ofMinutes(10), ZONE);
        User patient = registered("Asha Rao");
        String own = patient.getId();
        book.hold(holdOf(patient, "doc1", "09:00 AM"), own, onePerDay);
        Appointment tuesday = book.hold(holdOf(patient, "doc2", DAY.plusDays(1), "10:00 AM"), own, onePerDay);
        UnaryOperator<Appointment> toMonday = a -> {
            a.setDate(DAY);
            return at(a, "11:00 AM");
        };
        assertEquals("booking.limit.day", assertThrows(BookingException.class,
                () -> book.changeOwn(tuesday.getId(), own, ChangeType.RESCHEDULED, onePerDay, toMonday)).getMessageKey());
        assertEquals(DAY.plusDays(1), reopened().appointment(tuesday.getId()).orElseThrow().getDate(), "nothing moved");

        assertEquals("11:00 AM", book.changeOwn(tuesday.getId(), own, ChangeType.RESCHEDULED, onePerDay,
                a -> at(a, "11:00 AM")).getTime(), "a move within its own day");
        assertThrows(IllegalArgumentException.class, () -> book.changeOwn(tuesday.getId(),
                registered("Ben Das").getId(), ChangeType.RESCHEDULED, onePerDay, a -> at(a, "02:00 PM")));
        assertEquals(DAY, book.change(tuesday.getId(), "admin", ChangeType.RESCHEDULED, toMonday).getDate(),
                "the desk may");
    }

    @Test
    void manyPatientsRacingForOneSlotGetOneHolder() throws Exception {
        List<User> patients = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            patients.add(registered("Racer " + i));
        }
        AppointmentBook shared = asInTheServer(book);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> winners = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> surprises = new ConcurrentLinkedQueue<>();
        for (User patient : patients) {
            pool.execute(() -> {
                try {
                    start.await();
                    winners.add(shared.hold(holdOf(patient, "doc1", "09:00 AM"), patient.getId(), LIMITS).getId());
                } catch (SlotTakenException lost) {
                    // the answer every other patient gets
                } catch (Throwable e) {
                    surprises.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(surprises.isEmpty(), () -> "only 'slot taken' refusals: " + surprises);
        assertEquals(1, winners.size());
        assertEquals(1, book.appointmentsOf("doc1", DAY).size());
    }

    @Test
    void aMoveTakesTheNewSlotAndFreesTheOldInOneChange() {
        User first = registered("First Patient");
        User second = registered("Second Patient");
        Appointment mine = held(first, "doc1", "09:00 AM");
        held(second, "doc1", "10:00 AM");
        assertThrows(SlotTakenException.class, () -> book.change(mine.getId(), first.getId(), ChangeType.RESCHEDULED,
                a -> at(a, "10:00 AM")));
        assertEquals("09:00 AM", book.appointment(mine.getId()).orElseThrow().getTime(), "a refused move changes nothing");

        Appointment moved = book.change(mine.getId(), first.getId(), ChangeType.RESCHEDULED, a -> at(a, "11:00 AM"));
        assertEquals("11:00 AM", moved.getTime());
        assertEquals(Set.of("10:00 AM", "11:00 AM"), reopened().takenTimes("doc1", DAY, DAY).get(DAY));
        assertThrows(IllegalArgumentException.class, () -> book.change(mine.getId(), first.getId(),
                ChangeType.RESCHEDULED, a -> {
                    a.setUserId(second.getId());
                    return a;
                }));
        assertThrows(IllegalArgumentException.class, () -> book.change("no-such-id", "x", ChangeType.CANCELLED, a -> a));
    }

    @Test
    void aMoveOntoASlotTheScheduleDoesNotOfferAsStoredIsRefusedAndChangesNothing() {
        User patient = registered("Asha Rao");
        Appointment mine = held(patient, "doc1", "09:00 AM");
        LocalDate tuesday = DAY.plusDays(1);
        book.changeSchedule("admin", ChangeType.HOLIDAY_ADDED,
                s -> s.withHoliday(new Holiday(tuesday, "Festival")));
        for (UnaryOperator<Appointment> move : List.<UnaryOperator<Appointment>>of(a -> {
            a.setDate(tuesday);
            return at(a, "10:00 AM");
        }, a -> at(a, "12:00 PM"))) {
            BookingException refused = assertThrows(BookingException.class,
                    () -> book.change(mine.getId(), patient.getId(), ChangeType.RESCHEDULED, move));
            assertEquals("booking.slot.not_working", refused.getMessageKey());
        }
        Appointment kept = reopened().appointment(mine.getId()).orElseThrow();
        assertEquals(List.of(DAY, "09:00 AM"), List.of(kept.getDate(), kept.getTime()), "nothing moved");
        assertEquals("11:00 AM", book.change(mine.getId(), patient.getId(), ChangeType.RESCHEDULED,
                a -> at(a, "11:00 AM")).getTime(), "a worked slot is taken");
    }

    private static Appointment at(Appointment appointment, String time) {
        appointment.setTime(time);
        return appointment;
    }

    @Test
    void aPatientsAppointmentsComeNewestFirstAndADoctorsDayInBookingOrder() {
        User patient = registered("Asha Rao");
        User other = registered("Ben Das");
        Appointment a = held(patient, "doc1", "11:00 AM");
        Appointment b = held(other, "doc1", "09:00 AM");
        Appointment c = held(patient, "doc2", "10:00 AM");
        assertEquals(List.of(c.getId(), a.getId()), ids(book.appointmentsOfPatient(patient.getId())));
        assertEquals(List.of(a.getId(), b.getId()), ids(reopened().appointmentsOf("doc1", DAY)));
        assertTrue(book.appointmentsOf("doc1", DAY.plusDays(1)).isEmpty());
        assertEquals("Check-up", book.appointment(b.getId()).orElseThrow().getReason());
        assertTrue(book.appointment("none").isEmpty());
    }

    @Test
    void aDayListsTheAppointmentsMovedOntoItInBookingOrderAndTheDayTheyLeftNoLonger() {
        User patient = registered("Asha Rao");
        User other = registered("Ben Das");
        LocalDate nextDay = DAY.plusDays(1);
        Appointment first = held(patient, "doc1", "09:00 AM");
        Appointment second = held(other, "doc1", "10:00 AM");
        Appointment stays = confirmed(registered("Chitra Sen"), "doc1", "11:00 AM");
        book.change(second.getId(), other.getId(), ChangeType.RESCHEDULED, a -> {
            a.setDate(nextDay);
            return a;
        });
        book.change(first.getId(), patient.getId(), ChangeType.RESCHEDULED, a -> {
            a.setDate(nextDay);
            return a;
        });
        AppointmentQuery doc1NextDay = new AppointmentQuery("doc1", nextDay, nextDay, null, null, null, null);
        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            assertEquals(List.of(first.getId(), second.getId()), ids(store.appointmentsOf("doc1", nextDay)));
            assertEquals(List.of(stays.getId()), ids(store.appointmentsOf("doc1", DAY)));
            assertEquals(Map.of(DAY, Set.of("11:00 AM"), nextDay, Set.of("09:00 AM", "10:00 AM")),
                    store.takenTimes("doc1", DAY, nextDay));
            assertEquals(List.of(first.getId(), second.getId()),
                    ids(store.search(doc1NextDay, AppointmentSort.SLOT, true, 0, 10).rows()));
        }
    }

    @Test
    void aPatientsRecentActivityIsTheirAppointmentsChangedSince() {
        User patient = registered("Asha Rao");
        Appointment early = held(patient, "doc1", "09:00 AM");
        clock.advance(Duration.ofMinutes(20));
        Appointment later = held(patient, "doc1", "10:00 AM");
        Instant since = clock.instant().minus(Duration.ofMinutes(10));
        assertEquals(List.of(later.getId()), ids(book.appointmentsOfPatientChangedSince(patient.getId(), since)));
        book.change(early.getId(), "system", ChangeType.HOLD_EXPIRED, a -> a.expired(clock.instant()));
        assertEquals(List.of(later.getId(), early.getId()),
                ids(reopened().appointmentsOfPatientChangedSince(patient.getId(), since)));
        assertTrue(book.appointmentsOfPatientChangedSince(patient.getId(), clock.instant().plusSeconds(1)).isEmpty());
    }

    private static List<String> ids(List<Appointment> appointments) {
        return appointments.stream().map(Appointment::getId).toList();
    }

    @Test
    void theSweepCancelsHoldsThatRanOutOnce() {
        User patient = registered("Asha Rao");
        Appointment held = held(patient, "doc1", "09:00 AM");
        confirmed(registered("Ben Das"), "doc1", "10:00 AM");
        assertEquals(0, book.expireHolds(), "a live hold is left alone");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, book.expireHolds());
        assertEquals(0, book.expireHolds(), "once");
        Appointment expired = reopened().appointment(held.getId()).orElseThrow();
        assertEquals(AppointmentStatus.CANCELLED, expired.getStatus());
        assertEquals("hold_expired", expired.getHistory().get(expired.getHistory().size() - 1).getAction());
    }

    @Test
    void aRebookingMovesTheAppointmentOnceWhateverTheRetries() {
        User patient = registered("Asha Rao");
        Appointment original = confirmed(patient, "doc1", "09:00 AM");
        Appointment cancelled = book.change(original.getId(), "admin", ChangeType.CANCELLED,
                a -> a.cancelledForLeave("leave", clock.instant(), "admin"));
        Appointment replacement = book.rebook(cancelled.getId(), patient.getId(), a -> a.rebookedTo(
                book.doctor("doc2").orElseThrow(), DAY, "10:00 AM", clock.instant(), patient.getId()));
        Appointment again = book.rebook(cancelled.getId(), patient.getId(), a -> a.rebookedTo(
                book.doctor("doc2").orElseThrow(), DAY, "11:00 AM", clock.instant(), patient.getId()));
        assertEquals(replacement.getId(), again.getId());
        assertEquals("10:00 AM", again.getTime());
        assertEquals(replacement.getId(), reopened().appointment(cancelled.getId()).orElseThrow().getRebookedAs());
        assertEquals(2, book.appointmentsOfPatient(patient.getId()).size());
    }

    @Test
    void aSlotLetGoIsOfferedToTheFirstInLine() {
        User leaving = registered("Leaving Patient");
        User waiting = registered("Waiting Patient");
        User later = registered("Later Patient");
        Appointment original = confirmed(leaving, "doc1", "09:00 AM");
        join(waiting, NOW);
        join(later, NOW.plusSeconds(60));
        assertEquals(List.of(waiting.getId(), later.getId()),
                book.waitlist("doc1", DAY).stream().map(WaitlistPlace::userId).toList());

        book.change(original.getId(), "admin", ChangeType.CANCELLED,
                a -> a.cancelledForLeave("leave", clock.instant(), "admin"));
        Appointment offer = book.appointmentsOfPatient(waiting.getId()).get(0);
        assertTrue(offer.isWaitlistOffer());
        assertEquals(original.slot(), offer.slot());
        assertEquals(AppointmentStatus.PENDING_PAYMENT, offer.getStatus());
        assertEquals(List.of(later.getId()), reopened().waitlist("doc1", DAY).stream().map(WaitlistPlace::userId).toList());
        assertTrue(book.user(waiting.getId()).orElseThrow().getWaitlist().isEmpty());
    }

    protected void join(User patient, Instant at) {
        book.changeUser(patient.getId(), patient.getId(), ChangeType.WAITLIST_JOINED, u -> u.joinedWaitlist(
                new WaitRequest(UUID.randomUUID().toString(), "doc1", DAY, DAY, at),
                new LocalDateRange(NOW.atZone(ZONE).toLocalDate(), NOW.atZone(ZONE).toLocalDate().plusDays(30)), day -> true));
    }

    @Test
    void messagesQueuedByAChangeAreDueUntilSent() {
        User patient = registered("Asha Rao");
        Appointment booked = confirmed(patient, "doc1", "09:00 AM");
        List<Appointment> due = book.withDueMessages(10);
        assertEquals(List.of(booked.getId()), ids(due), "a confirmation is queued with the booking");
        String message = due.get(0).getMessages().get(0).getId();
        assertEquals(MessageKind.BOOKING_CONFIRMED, due.get(0).getMessages().get(0).getKind());
        book.change(booked.getId(), "system", ChangeType.MESSAGE_FAILED,
                a -> a.messageFailed(message, "refused", clock.instant().plusSeconds(60), clock.instant(), "system"));
        assertTrue(book.withDueMessages(10).isEmpty(), "not before its retry");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, reopened().withDueMessages(10).size());
        book.change(booked.getId(), "system", ChangeType.MESSAGE_SENT, a -> a.messageSent(message, clock.instant(), "system"));
        assertTrue(book.withDueMessages(10).isEmpty());
    }

    @Test
    void anAppointmentTakingItsPatientsNewDetailsIsFoundAndSortedByThemAndMailsTheNewAddress() {
        User asha = registered("Asha Rao");
        User ben = registered("Ben Das");
        Appointment a = confirmed(asha, "doc1", "09:00 AM");
        Appointment b = confirmed(ben, "doc1", "10:00 AM");
        User renamed = book.changeUser(asha.getId(), asha.getId(), ChangeType.PROFILE_CHANGED,
                u -> u.profileChanged("Zoya Rao", u.getPhone(), clock.instant()));
        renamed.setEmail("zoya.rao@example.com");
        book.change(a.getId(), asha.getId(), ChangeType.PATIENT_DETAILS,
                current -> current.patientDetailsChanged(renamed, clock.instant(), asha.getId()));

        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            AppointmentQuery byNewName = new AppointmentQuery(null, null, null, null, null, null, "zoya");
            assertEquals(List.of(a.getId()), ids(store.search(byNewName, AppointmentSort.SLOT, true, 0, 10).rows()));
            AppointmentQuery byOldName = new AppointmentQuery(null, null, null, null, null, null, "asha");
            assertEquals(0, store.search(byOldName, AppointmentSort.SLOT, true, 0, 10).total());
            assertEquals(List.of(b.getId(), a.getId()), ids(store.search(AppointmentQuery.all(), AppointmentSort.PATIENT,
                    true, 0, 10).rows()), "Ben before Zoya");
            assertEquals("zoya.rao@example.com", store.appointment(a.getId()).orElseThrow().getMessages().get(0)
                    .getRecipient(), "the confirmation still waiting goes to the new address");
        }
    }

    @Test
    void aNewAppointmentNamesItsPatientAndDoctorAsTheyAreWhenItIsStored() {
        User asOnThePage = registered("Asha Rao");
        Doctor doctorOnThePage = book.doctor("doc1").orElseThrow();
        renamedWithNewAddress(asOnThePage, "Zoya Rao", "zoya.rao@example.com");
        book.changeDoctor("doc1", "admin", ChangeType.DOCTOR_EDITED, d -> {
            d.setName("Dr. Asha Iyer-Menon");
            return d;
        });

        Appointment held = book.hold(Appointment.hold(UUID.randomUUID().toString(), asOnThePage, doctorOnThePage, DAY,
                "09:00 AM", "Check-up", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))),
                asOnThePage.getId(), LIMITS);
        Appointment desk = confirmed(asOnThePage, "doc2", "10:00 AM");
        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            Appointment hold = store.appointment(held.getId()).orElseThrow();
            assertEquals(List.of("Zoya Rao", "zoya.rao@example.com", "Dr. Asha Iyer-Menon"),
                    List.of(hold.getUserName(), hold.getUserEmail(), hold.getDoctorName()));
            assertEquals("zoya.rao@example.com", store.appointment(desk.getId()).orElseThrow().getMessages().get(0)
                    .getRecipient(), "the confirmation goes to the address in use");
        }
        assertEquals("Zoya Rao", held.getUserName(), "the store answers what it stored");
    }

    @Test
    void aMoveTakenAfterThePatientChangedTheirAddressIsConfirmedToTheNewOne() {
        User patient = registered("Asha Rao");
        Appointment original = confirmed(patient, "doc1", "09:00 AM");
        Appointment cancelled = book.change(original.getId(), "admin", ChangeType.CANCELLED,
                a -> a.cancelledForLeave("leave", clock.instant(), "admin"));
        for (var message : cancelled.getMessages()) {
            book.change(cancelled.getId(), "system", ChangeType.MESSAGE_SENT,
                    a -> a.messageSent(message.getId(), clock.instant(), "system"));
        }
        renamedWithNewAddress(patient, "Asha Menon", "asha.menon@example.com");

        Appointment replacement = book.rebook(cancelled.getId(), patient.getId(), a -> a.rebookedTo(
                book.doctor("doc2").orElseThrow(), DAY, "10:00 AM", clock.instant(), patient.getId()));
        for (int round = 0; round < 2; round++) {
            Appointment stored = (round == 0 ? book : reopened()).appointment(replacement.getId()).orElseThrow();
            assertEquals(List.of("Asha Menon", "asha.menon@example.com"), List.of(stored.getUserName(), stored.getUserEmail()));
            assertEquals(List.of(MessageKind.BOOKING_CONFIRMED), stored.getMessages().stream().map(m -> m.getKind()).toList());
            assertEquals("asha.menon@example.com", stored.getMessages().get(0).getRecipient());
        }
    }

    private void renamedWithNewAddress(User patient, String name, String email) {
        book.changeUser(patient.getId(), patient.getId(), ChangeType.PROFILE_CHANGED,
                u -> u.profileChanged(name, u.getPhone(), clock.instant()));
        book.changeUser(patient.getId(), patient.getId(), ChangeType.EMAIL_VERIFIED,
                u -> u.emailChangeRequested(email, "h", clock.instant().plusSeconds(60)).verified(clock.instant()));
    }

    @Test
    void aWalkInTakingOnlineAccessIsKnownByTheAddressWithTheSameAppointments() {
        User walkIn = book.registerUser(User.walkIn(UUID.randomUUID().toString(), "Walk In", "+91 90000 11111",
                clock.instant(), "admin"), "admin");
        Appointment booked = confirmed(walkIn, "doc1", "09:00 AM");
        book.changeUser(walkIn.getId(), "admin", ChangeType.ONLINE_ACCESS_OFFERED, u -> u.onlineAccessOffered(
                "walk.in@example.com", "hash", clock.instant().plus(Duration.ofHours(48)), clock.instant(), "admin"));
        assertTrue(book.userByEmail("walk.in@example.com").isEmpty(), "not the account's address until the link is used");
        book.changeUser(walkIn.getId(), walkIn.getId(), ChangeType.ONLINE_ACCESS_TAKEN,
                u -> u.passwordChosenByLink("pbkdf2:chosen", clock.instant()));

        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            User account = store.userByEmail("WALK.IN@example.com").orElseThrow();
            assertEquals(walkIn.getId(), account.getId());
            assertEquals("pbkdf2:chosen", account.getPassword());
            assertEquals(List.of(walkIn.getId()), store.findPatients("walk.in@", 10).stream().map(User::getId).toList());
            assertEquals(List.of(booked.getId()), ids(store.appointmentsOfPatient(walkIn.getId())));
        }
        User other = registered("Other Patient");
        assertThrows(DuplicateEmailException.class, () -> book.changeUser(other.getId(), other.getId(),
                ChangeType.EMAIL_VERIFIED, u -> u.emailChangeRequested("walk.in@example.com", "h",
                        clock.instant().plusSeconds(60)).verified(clock.instant())), "the address is one account's");
    }

    // ---- the admins' views -------------------------------------------------------------------------------

    @Test
    void searchFiltersSortsAndPages() {
        User asha = registered("Asha Rao");
        User ben = registered("Ben Das");
        User chitra = registered("Chitra Sen");
        Appointment a = confirmed(asha, "doc1", "11:00 AM");
        Appointment b = held(ben, "doc1", "09:00 AM");
        Appointment c = confirmed(chitra, "doc2", "10:00 AM");
        AppointmentQuery all = AppointmentQuery.all();

        assertEquals(List.of(b.getId(), c.getId(), a.getId()), ids(book.search(all, AppointmentSort.SLOT, true, 0, 10).rows()));
        assertEquals(List.of(a.getId(), c.getId(), b.getId()), ids(book.search(all, AppointmentSort.SLOT, false, 0, 10).rows()));
        assertEquals(List.of(c.getId(), b.getId(), a.getId()), ids(book.search(all, AppointmentSort.PATIENT, false, 0, 10).rows()));
        var page = book.search(all, AppointmentSort.PATIENT, true, 1, 1);
        assertEquals(3, page.total());
        assertEquals(List.of(b.getId()), ids(page.rows()));
        assertEquals(List.of(a.getId(), b.getId()), ids(book.search(all.withDoctor("doc1"), AppointmentSort.PATIENT, true, 0, 10).rows()));
        AppointmentQuery confirmed = new AppointmentQuery(null, null, null, AppointmentStatus.CONFIRMED, null, null, null);
        assertEquals(2, book.search(confirmed, AppointmentSort.SLOT, true, 0, 10).total());
        AppointmentQuery byName = new AppointmentQuery(null, null, null, null, null, null, "CHITRA");
        assertEquals(List.of(c.getId()), ids(book.search(byName, AppointmentSort.SLOT, true, 0, 10).rows()));
        AppointmentQuery byId = new AppointmentQuery(null, null, null, null, null, null, a.getId().toUpperCase());
        assertEquals(List.of(a.getId()), ids(book.search(byId, AppointmentSort.SLOT, true, 0, 10).rows()));
        AppointmentQuery wildcard = new AppointmentQuery(null, null, null, null, null, null, "_");
        assertEquals(0, book.search(wildcard, AppointmentSort.SLOT, true, 0, 10).total());
        AppointmentQuery later = new AppointmentQuery(null, DAY.plusDays(1), null, null, null, null, null);
        assertEquals(0, book.search(later, AppointmentSort.SLOT, true, 0, 10).total());
    }

    @Test
    void theAuditTrailListsEveryChangeNewestFirst() {
        User patient = registered("Asha Rao");
        Appointment held = held(patient, "doc1", "09:00 AM");
        clock.advance(Duration.ofMinutes(1));
        book.change(held.getId(), "admin", ChangeType.CANCELLED, a -> a.holdReleased("asked", clock.instant(), "admin"));
        var trail = book.audit(new AuditQuery(null, null, null, null), 0, 10);
        assertEquals(2, trail.total());
        List<String> actions = trail.rows().stream().map(e -> e.change().getAction()).toList();
        assertEquals(List.of("cancelled", "booked"), actions);
        AuditEntry newest = trail.rows().get(0);
        assertEquals(held.getId(), newest.appointmentId());
        assertEquals("Asha Rao", newest.patientName());
        assertEquals(DAY, newest.date());
        assertEquals(1, book.audit(new AuditQuery("admin", null, null, null), 0, 10).total());
        assertEquals(1, book.audit(new AuditQuery(null, "booked", null, null), 0, 10).total());
        assertEquals(0, book.audit(new AuditQuery(null, "refunded", null, null), 0, 10).total());
        assertEquals(1, reopened().audit(new AuditQuery(null, null, NOW.plusSeconds(30), null), 0, 10).total());
        assertEquals(0, book.audit(new AuditQuery("nobody", null, null, null), 0, 10).total());
    }

    @Test
    void aChargeOwedBackIsFoundByTheTrailAndNotedGivenBackOnce() {
        Appointment held = held(registered("Asha Rao"), "doc1", "09:00 AM");
        clock.advance(Duration.ofMinutes(16));
        book.expireHolds();
        book.change(held.getId(), "system", ChangeType.PAYMENT_REVERSAL_OWED,
                a -> a.paymentReversalOwed("TXN1", clock.instant(), "system"));
        AuditQuery owed = new AuditQuery(null, ChargeReversals.OWED, null, null);
        assertEquals(List.of(held.getId()),
                reopened().audit(owed, 0, 10).rows().stream().map(AuditEntry::appointmentId).toList());
        assertEquals(List.of("TXN1"), ChargeReversals.owed(book.appointment(held.getId()).orElseThrow()));

        book.change(held.getId(), "system", ChangeType.PAYMENT_REVERSED,
                a -> a.paymentReversed("TXN1", "RFD1", clock.instant(), "system"));
        BookingException again = assertThrows(BookingException.class, () -> book.change(held.getId(), "system",
                ChangeType.PAYMENT_REVERSED, a -> a.paymentReversed("TXN1", "RFD1", clock.instant(), "system")));
        assertEquals("payment.reversal.noted", again.getMessageKey());
        Appointment stored = reopened().appointment(held.getId()).orElseThrow();
        assertTrue(ChargeReversals.owed(stored).isEmpty());
        assertEquals(List.of("booked", "hold_expired", "payment_reversal_owed", "payment_reversed"),
                stored.getHistory().stream().map(HistoryEntry::getAction).toList());
    }

    @Test
    void aRefundNotesItsChargeOwedInTheSameChangeAndBothSurviveAReopen() {
        Appointment held = held(registered("Asha Rao"), "doc1", "09:00 AM");
        book.change(held.getId(), "p", ChangeType.PAYMENT, a -> a.paid(new PaymentOutcome(PaymentMethod.CARD,
                PaymentStatus.SUCCESS, "TXN9", null, "Visa", "4242"), clock.instant(), "p"));
        book.change(held.getId(), "admin", ChangeType.CANCELLED,
                a -> a.cancelledForLeave("Conference", clock.instant(), "admin"));

        AppointmentBook again = reopened();
        Appointment stored = again.appointment(held.getId()).orElseThrow();
        assertEquals(PaymentStatus.REFUNDED, stored.getPaymentStatus());
        assertEquals(List.of("booked", "paid", "cancelled", "payment_reversal_owed"),
                stored.getHistory().stream().map(HistoryEntry::getAction).toList());
        assertEquals(List.of("TXN9"), ChargeReversals.owed(stored));
        assertEquals(List.of(held.getId()), again.audit(new AuditQuery(null, ChargeReversals.OWED, null, null), 0, 10)
                .rows().stream().map(AuditEntry::appointmentId).toList());
    }

    private User walkIn(String phone) {
        return book.registerUser(User.walkIn(UUID.randomUUID().toString(), "Walk In", phone, clock.instant(), "admin"),
                "admin");
    }

    @Test
    void aWalkInsAppointmentMovedToAnAccountIsTheAccountsInBookingOrderAndStaysSoAfterAReopen() {
        User walkIn = walkIn("+91 90000 33333");
        User account = registered("Asha Rao");
        Appointment first = confirmed(walkIn, "doc1", "09:00 AM");
        Appointment own = confirmed(account, "doc2", "10:00 AM");
        Appointment later = confirmed(walkIn, "doc1", "11:00 AM");
        assertThrows(IllegalArgumentException.class,
                () -> book.moveToPatient(first.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin"),
                "not while the walk-in's record is not merged");
        book.changeUser(walkIn.getId(), "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin"));

        Appointment moved = book.moveToPatient(first.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin");
        assertEquals(account.getId(), moved.getUserId());
        assertEquals(moved.getHistory().size(), book.moveToPatient(first.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin")
                .getHistory().size(), "moved once");
        assertEquals(List.of(own.getId(), first.getId()), ids(book.appointmentsOfPatient(account.getId())));
        assertThrows(IllegalArgumentException.class,
                () -> book.moveToPatient(own.getId(), walkIn.getId(), registered("Ben Das"), PatientMove.MERGED, "admin"),
                "only the walk-in's own");
        book.moveToPatient(later.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin");

        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            assertTrue(store.appointmentsOfPatient(walkIn.getId()).isEmpty(), "none left with the walk-in");
            assertEquals(List.of(later.getId(), own.getId(), first.getId()),
                    ids(store.appointmentsOfPatient(account.getId())), "newest booked first");
            Appointment stored = store.appointment(first.getId()).orElseThrow();
            assertEquals("Asha Rao", stored.getUserName());
            assertEquals("patient_merged", stored.getHistory().get(stored.getHistory().size() - 1).getAction());
            assertEquals(List.of(first.getId()), store.audit(new AuditQuery(null, "patient_merged", null, null), 0, 10)
                    .rows().stream().map(AuditEntry::appointmentId).filter(first.getId()::equals).toList());
            assertEquals(List.of(first.getId(), later.getId()), ids(store.appointmentsOf("doc1", DAY)), "slots kept");
        }
    }

    @Test
    void anAppointmentMovedBackWhenItsMergeIsUndoneIsTheWalkInsAgainInBookingOrderAndStaysSoAfterAReopen() {
        User walkIn = walkIn("+91 90000 44444");
        User account = registered("Asha Rao");
        Appointment first = confirmed(walkIn, "doc1", "09:00 AM");
        Appointment later = confirmed(walkIn, "doc1", "11:00 AM");
        Appointment notYetMoved = confirmed(walkIn, "doc2", "10:00 AM");
        book.changeUser(walkIn.getId(), "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin"));
        book.moveToPatient(first.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin");
        book.moveToPatient(later.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin");
        assertThrows(IllegalArgumentException.class,
                () -> book.moveToPatient(first.getId(), account.getId(), walkIn, PatientMove.MERGE_UNDONE, "admin"),
                "not while the walk-in's record is still merged");
        User undone = book.changeUser(walkIn.getId(), "admin", ChangeType.MERGE_UNDONE,
                u -> u.mergeUndone(clock.instant(), "admin"));
        assertThrows(IllegalArgumentException.class,
                () -> book.moveToPatient(notYetMoved.getId(), walkIn.getId(), account, PatientMove.MERGED, "admin"),
                "a merge's move after the undo");

        book.moveToPatient(first.getId(), account.getId(), undone, PatientMove.MERGE_UNDONE, "admin");
        book.moveToPatient(later.getId(), account.getId(), undone, PatientMove.MERGE_UNDONE, "admin");

        for (int round = 0; round < 2; round++) {
            AppointmentBook store = round == 0 ? book : reopened();
            assertTrue(store.appointmentsOfPatient(account.getId()).isEmpty(), "none left with the account");
            assertEquals(List.of(notYetMoved.getId(), later.getId(), first.getId()),
                    ids(store.appointmentsOfPatient(walkIn.getId())), "newest booked first");
            Appointment stored = store.appointment(first.getId()).orElseThrow();
            assertEquals("Walk In", stored.getUserName());
            List<String> actions = stored.getHistory().stream().map(HistoryEntry::getAction).toList();
            assertEquals(List.of("patient_merged", "patient_merge_undone"), actions.subList(actions.size() - 2,
                    actions.size()));
            List<String> movedBack = store.audit(new AuditQuery(null, "patient_merge_undone", null, null), 0, 10).rows()
                    .stream().map(AuditEntry::appointmentId).toList();
            assertTrue(movedBack.containsAll(List.of(first.getId(), later.getId())), "in the audit trail: " + movedBack);
        }
    }

    @Test
    void theFiguresCountEveryAppointment() {
        confirmed(registered("Asha Rao"), "doc1", "09:00 AM");
        held(registered("Ben Das"), "doc1", "10:00 AM");
        confirmed(registered("Chitra Sen"), "doc2", "10:00 AM");
        ClinicFigures figures = reopened().figures();
        assertEquals(3, figures.total());
        assertEquals(2, figures.count(AppointmentStatus.CONFIRMED));
        assertEquals(1, figures.count(AppointmentStatus.PENDING_PAYMENT));
        assertEquals(2, figures.count(PaymentStatus.SUCCESS));
        assertEquals(1, figures.unpaid());
        assertEquals(0, new BigDecimal("1400").compareTo(figures.collected()), "collected: " + figures.collected());
        assertEquals(List.of("doc1", "doc2"), List.copyOf(figures.byDoctor().keySet()));
        assertEquals(new ClinicFigures.DoctorFigures(2, 1, 1, 0, 0), figures.byDoctor().get("doc1"));
    }

    @Test
    void aSlotHolderIsAskedOfEveryDayInARange() {
        User patient = registered("Asha Rao");
        held(patient, "doc1", "09:00 AM");
        assertTrue(book.takenTimes("doc1", DAY.plusDays(1), DAY.plusDays(5)).isEmpty());
        assertTrue(book.takenTimes("doc2", DAY, DAY).isEmpty());
        assertEquals(Set.of(new SlotKey("doc1", DAY, "09:00 AM")), Set.of(book.appointmentsOf("doc1", DAY).get(0).slot()));
    }
}
