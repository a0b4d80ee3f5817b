package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's views of the ledger: filtered and sorted pages, headline figures, the audit trail. */
class LedgerQueriesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 25);
    private static final List<String> TIMES = List.of("09:00 AM", "10:00 AM", "11:00 AM", "02:00 PM", "03:00 PM");
    /** Fees as old files may hold them: equal values at different scales, fractions of a paisa. */
    private static final List<String> AMOUNTS = List.of("500", "750.5", "1200", "750.50", "99.999", "500.00", "0", "0.00001", "1E+30", "-0.00002");
    private static final ClinicRules RULES = new ClinicRules(ZONE, TIMES, 30, Duration.ofMinutes(15),
            Duration.ofHours(24), 3);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private LedgerCore ledger;
    private final List<Appointment> made = new ArrayList<>();

    @BeforeEach
    void fill() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        ledger = LedgerCore.open(dir, ZONE, clock, 0);
        Random random = new Random(7);
        List<User> patients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            patients.add(ledger.registerUser(user("p" + i, "Patient " + (char) ('A' + i), Role.PATIENT), "system"));
        }
        PaymentMethod[] methods = PaymentMethod.values();
        for (int i = 0; i < 150; i++) {
            User patient = patients.get(i % patients.size());
            String doctorId = "doc" + (1 + random.nextInt(4));
            LocalDate date = FIRST_DAY.plusDays(i / 20);
            String time = TIMES.get(random.nextInt(TIMES.size()));
            Appointment candidate = Appointment.hold("a" + i, patient, ledger.doctor(doctorId).orElseThrow(), date,
                    time, "Visit", clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
            candidate.setAmount(new BigDecimal(AMOUNTS.get(i % AMOUNTS.size())));
            try {
                ledger.hold(candidate, patient.getId(), new BookingLimits(100));
            } catch (RuntimeException slotOrPatientBusy) {
                continue;
            }
            clock.advance(Duration.ofSeconds(1));
            int fate = random.nextInt(4);
            if (fate > 0) {
                PaymentMethod method = methods[random.nextInt(methods.length)];
                PaymentStatus status = method == PaymentMethod.PAY_AT_CLINIC ? PaymentStatus.PENDING
                        : fate == 1 ? PaymentStatus.FAILED : PaymentStatus.SUCCESS;
                PaymentOutcome outcome = new PaymentOutcome(method, status, "TXN" + i, null, null, null);
                ledger.change(candidate.getId(), patient.getId(), ChangeType.PAYMENT,
                        a -> a.paid(outcome, clock.instant(), patient.getId()));
            }
            made.add(ledger.appointment(candidate.getId()).orElseThrow());
        }
    }

    private static User user(String id, String name, Role role) {
        User user = new User();
        user.setId(id);
        user.setName(name);
        user.setEmail(id + "@example.com");
        user.setRole(role);
        user.setPassword("hash");
        user.setCreatedAt(NOW);
        return user;
    }

    private List<String> expectedIds(AppointmentQuery query, AppointmentSort sort, boolean ascending) {
        return ledger.appointments().stream().filter(query::matches).sorted(sort.comparator(ascending))
                .map(Appointment::getId).toList();
    }

    private List<String> pagedIds(AppointmentQuery query, AppointmentSort sort, boolean ascending, int pageSize) {
        List<String> ids = new ArrayList<>();
        int total = ledger.search(query, sort, ascending, 0, pageSize).total();
        for (int first = 0; first < total; first += pageSize) {
            Page<Appointment> page = ledger.search(query, sort, ascending, first, pageSize);
            assertEquals(total, page.total());
            page.rows().forEach(a -> ids.add(a.getId()));
        }
        return ids;
    }

    @Test
    void everyFilterAndSortPagesThroughExactlyTheMatchingAppointmentsInOrder() {
        List<AppointmentQuery> queries = List.of(
                AppointmentQuery.all(),
                AppointmentQuery.all().withDoctor("doc2"),
                AppointmentQuery.all().withDates(FIRST_DAY.plusDays(2), FIRST_DAY.plusDays(4)),
                AppointmentQuery.all().withDoctor("doc3").withDates(null, FIRST_DAY.plusDays(3)),
                new AppointmentQuery(null, null, null, AppointmentStatus.CONFIRMED, null, null, null),
                new AppointmentQuery(null, null, null, null, PaymentStatus.PENDING, PaymentMethod.PAY_AT_CLINIC, null),
                new AppointmentQuery(null, null, null, null, null, null, "patient c"),
                new AppointmentQuery(null, null, null, null, null, null, "TXN1"));
        for (AppointmentQuery query : queries) {
            for (AppointmentSort sort : AppointmentSort.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    List<String> expected = expectedIds(query, sort, ascending);
                    assertEquals(expected, pagedIds(query, sort, ascending, 7), query + " by " + sort + " " + ascending);
                }
            }
        }
        assertTrue(expectedIds(queries.get(1), AppointmentSort.SLOT, true).size() > 5, "the data has something to find");
    }

    @Test
    void textFindsPatientsByPartOfNameOrEmailAndATransactionOnlyByItsWholeId() {
        String someTransaction = made.stream().map(Appointment::getTransactionId).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow();
        assertEquals(1, ledger.search(new AppointmentQuery(null, null, null, null, null, null,
                someTransaction.toLowerCase()), AppointmentSort.SLOT, true, 0, 10).total());
        assertEquals(0, ledger.search(new AppointmentQuery(null, null, null, null, null, null, "XN"),
                AppointmentSort.SLOT, true, 0, 10).total());
        long ofPatientB = made.stream().filter(a -> a.getUserName().equals("Patient B")).count();
        assertEquals(ofPatientB, ledger.search(new AppointmentQuery(null, null, null, null, null, null, "P1@EXAMPLE"),
                AppointmentSort.SLOT, true, 0, 10).total(), "e-mail, any case");
    }

    @Test
    void aNewPatientNameTakesItsPlaceInThePatientOrder() {
        ledger.search(AppointmentQuery.all(), AppointmentSort.PATIENT, true, 0, 5);
        User aaron = ledger.registerUser(user("aaron", "Aaron Early", Role.PATIENT), "system");
        Appointment held = Appointment.hold("late", aaron, ledger.doctor("doc8").orElseThrow(), FIRST_DAY.plusDays(20),
                "09:00 AM", "Visit", clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
        ledger.hold(held, aaron.getId(), new BookingLimits(3));
        assertEquals("Aaron Early", ledger.search(AppointmentQuery.all(), AppointmentSort.PATIENT, true, 0, 5)
                .rows().get(0).getUserName());
    }

    @Test
    void namesArrivingAfterTheOrderWasBuiltKeepBothDirectionsInOrder() {
        ledger.search(AppointmentQuery.all(), AppointmentSort.PATIENT, true, 0, 5);
        ledger.search(AppointmentQuery.all(), AppointmentSort.DOCTOR, true, 0, 5);
        List<String> arrivals = new java.util.ArrayList<>(List.of("Aaron Early", "ZZ Last", "mmm Middle", "MMM MIDDLE"));
        for (int i = 0; i < 24; i++) {
            arrivals.add("Aaron Early " + "z".repeat(i + 1));
        }
        int n = 0;
        for (String name : arrivals) {
            n++;
            User patient = ledger.registerUser(user("late" + n, name, Role.PATIENT), "system");
            ledger.hold(Appointment.hold("late-" + n, patient, ledger.doctor("doc" + (1 + n % 8)).orElseThrow(),
                    FIRST_DAY.plusDays(100 + n), "05:00 PM", "Visit", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))),
                    patient.getId(), new BookingLimits(3));
            if (n % 5 == 0) {
                assertNamesInOrder();
            }
        }
        assertNamesInOrder();
    }

    private void assertNamesInOrder() {
        int total = ledger.search(AppointmentQuery.all(), AppointmentSort.PATIENT, true, 0, 1).total();
        for (boolean ascending : new boolean[] {true, false}) {
            List<String> names = ledger.search(AppointmentQuery.all(), AppointmentSort.PATIENT, ascending, 0, total).rows()
                    .stream().map(Appointment::getUserName).toList();
            assertEquals(total, names.size());
            for (int i = 1; i < names.size(); i++) {
                int order = String.CASE_INSENSITIVE_ORDER.compare(names.get(i - 1), names.get(i));
                assertTrue(ascending ? order <= 0 : order >= 0, names.get(i - 1) + " before " + names.get(i));
            }
        }
    }

    @Test
    void slotOrderReadsTheTimeOfDayNotItsSpelling() {
        List<Appointment> rows = ledger.search(AppointmentQuery.all().withDates(FIRST_DAY, FIRST_DAY),
                AppointmentSort.SLOT, true, 0, 100).rows();
        List<String> times = rows.stream().map(Appointment::getTime).distinct().toList();
        assertEquals(TIMES.stream().filter(times::contains).toList(), times);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndADateRangeBackwardsMatchesNothing() {
        int total = ledger.appointmentCount();
        assertEquals(List.of(), ledger.search(AppointmentQuery.all(), AppointmentSort.SLOT, true, total, 10).rows());
        assertEquals(0, ledger.search(AppointmentQuery.all().withDates(FIRST_DAY.plusDays(3), FIRST_DAY),
                AppointmentSort.SLOT, true, 0, 10).total());
    }

    @Test
    void figuresFollowEveryChange() {
        ClinicFigures before = ledger.figures();
        assertEquals(made.size(), before.total());
        BigDecimal paidAmounts = made.stream().filter(a -> a.getPaymentStatus() == PaymentStatus.SUCCESS)
                .map(Appointment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, paidAmounts.compareTo(before.collected()), paidAmounts + " collected, figures say " + before.collected());
        assertEquals(made.stream().filter(a -> a.getStatus() == AppointmentStatus.CONFIRMED).count(),
                before.count(AppointmentStatus.CONFIRMED));
        assertEquals(made.size(), before.byDoctor().values().stream().mapToInt(ClinicFigures.DoctorFigures::total).sum());

        Appointment paid = made.stream().filter(a -> a.getPaymentStatus() == PaymentStatus.SUCCESS).findFirst().orElseThrow();
        ledger.change(paid.getId(), "admin1", ChangeType.REFUNDED,
                a -> a.byAdmin(AdminAction.REFUND, null, RULES, clock.instant(), "admin1"));
        ClinicFigures after = ledger.figures();
        assertEquals(0, before.collected().subtract(paid.getAmount()).compareTo(after.collected()));
        assertEquals(0, before.refunded().add(paid.getAmount()).compareTo(after.refunded()));
        assertEquals(before.count(PaymentStatus.REFUNDED) + 1, after.count(PaymentStatus.REFUNDED));
    }

    @Test
    void theAuditTrailListsChangesNewestFirstByActorAndAction() {
        ledger.registerUser(user("admin1", "Admin One", Role.ADMIN), "system");
        List<Appointment> confirmed = made.stream().filter(a -> a.getStatus() == AppointmentStatus.CONFIRMED).limit(3).toList();
        for (Appointment a : confirmed) {
            clock.advance(Duration.ofMinutes(1));
            ledger.change(a.getId(), "admin1", ChangeType.CANCELLED,
                    x -> x.byAdmin(AdminAction.CANCEL, "note " + a.getId(), RULES, clock.instant(), "admin1"));
        }
        Page<AuditEntry> byAdmin = ledger.audit(new AuditQuery("admin1", null, null, null), 0, 10);
        assertEquals(3, byAdmin.total());
        assertEquals(confirmed.get(2).getId(), byAdmin.rows().get(0).appointmentId());
        assertEquals("note " + confirmed.get(0).getId(), byAdmin.rows().get(2).change().getNote());
        assertEquals(made.size(), ledger.audit(new AuditQuery(null, "booked", null, null), 0, 1).total());
        assertEquals(0, ledger.audit(new AuditQuery("admin1", null, clock.instant().plusSeconds(1), null), 0, 10).total());
        assertEquals(List.of("Admin One"), ledger.admins().stream().map(User::getName).toList());
    }
}
