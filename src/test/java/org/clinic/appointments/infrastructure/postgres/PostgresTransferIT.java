package org.clinic.appointments.infrastructure.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.ClinicData;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.clinic.appointments.infrastructure.ledger.RecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON data directory into PostgreSQL and back out: every record, field for field. */
class PostgresTransferIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static int databases;

    @TempDir
    Path temp;

    private final RecordJson json = new RecordJson(ZONE);

    private static synchronized DataSource newDatabase() {
        DataSource database = PostgresServer.shared().createDatabase("transfer" + ++databases);
        PostgresSchema.migrate(database);
        return database;
    }

    @Test
    void aDataDirectoryComesBackFromPostgresqlAsItWent() throws Exception {
        Path original = temp.resolve("original");
        writeClinic(original);
        ClinicData before = ClinicData.read(original, ZONE);
        assertEquals(3, before.appointments().size());

        DataSource database = newDatabase();
        PostgresTransfer transfer = new PostgresTransfer(database, ZONE);
        transfer.importAll(before);
        PostgresBook book = new PostgresBook(database, ZONE, new MutableClock(NOW));
        Appointment first = before.appointments().get(0);
        assertEquals(json.appointment(first), json.appointment(book.appointment(first.getId()).orElseThrow()));
        assertEquals(before.doctors().size(), book.doctors().size());
        AuditQuery everything = new AuditQuery(null, null, null, null);
        int changes = before.appointments().stream().mapToInt(a -> a.getHistory().size()).sum();
        assertEquals(changes, book.audit(everything, 0, 0).total(), "the audit trail counts every imported change");
        assertEquals(1, book.audit(new AuditQuery(null, "cancelled", null, null), 0, 0).total());
        assertEquals(1, book.accountChanges(everything, 0, 0).total());
        ClinicFigures expected;
        try (LedgerCore ledger = LedgerCore.open(original, ZONE, new MutableClock(NOW), Long.MAX_VALUE)) {
            expected = ledger.figures();
        }
        assertSameFigures(expected, book.figures());
        assertEquals(3, book.appointmentCount(), "the dashboard counts every imported appointment");

        Path exported = temp.resolve("exported");
        transfer.exportAll().write(exported, ZONE);
        ClinicData after = ClinicData.read(exported, ZONE);

        assertSame(before.doctors(), after.doctors(), json::doctor, Doctor::getId);
        assertSame(before.users(), after.users(), json::user, User::getId);
        assertSame(before.appointments(), after.appointments(), json::appointment, Appointment::getId);
        assertEquals(before.specializations(), after.specializations());
        assertEquals(json.schedule(before.schedule()), json.schedule(after.schedule()));
        assertEquals(before.photos().keySet(), after.photos().keySet());
        assertArrayEquals(before.photos().get("p1.png"), after.photos().get("p1.png"));

        book.change(before.appointments().get(2).getId(), "admin", ChangeType.CANCELLED,
                a -> a.holdReleased("asked", NOW.plusSeconds(120), "admin"));
        assertEquals(changes + 1, book.audit(everything, 0, 0).total(), "and every change after the import");
        assertEquals(2, book.audit(new AuditQuery(null, "cancelled", null, null), 0, 0).total());
        ClinicFigures afterChange = book.figures();
        assertEquals(expected.count(AppointmentStatus.CANCELLED) + 1, afterChange.count(AppointmentStatus.CANCELLED),
                "a change after the import is counted as it is made");
        assertEquals(expected.total(), afterChange.total());
    }

    /** The dashboard's figures alike, amounts compared by value. */
    private static void assertSameFigures(ClinicFigures expected, ClinicFigures actual) {
        assertTrue(expected.total() > 0);
        assertEquals(expected.total(), actual.total(), "appointments");
        assertEquals(expected.byStatus(), actual.byStatus(), "by status");
        assertEquals(expected.byPayment(), actual.byPayment(), "by payment status");
        assertEquals(expected.byMethod(), actual.byMethod(), "by payment method");
        assertEquals(expected.unpaid(), actual.unpaid(), "unpaid");
        assertEquals(0, expected.collected().compareTo(actual.collected()), "collected " + actual.collected());
        assertEquals(0, expected.refunded().compareTo(actual.refunded()), "refunded " + actual.refunded());
        assertEquals(expected.byDoctor(), actual.byDoctor(), "by doctor");
    }

    private static <T> void assertSame(List<T> before, List<T> after, Function<T, String> text,
            Function<T, String> id) {
        assertEquals(before.stream().map(id).sorted().toList(), after.stream().map(id).sorted().toList());
        for (T record : before) {
            T back = after.stream().filter(r -> id.apply(r).equals(id.apply(record))).findFirst().orElseThrow();
            assertEquals(text.apply(record), text.apply(back), "every field of " + id.apply(record));
        }
    }

    @Test
    void anImportIntoADatabaseInUseIsRefusedWhole() throws Exception {
        Path original = temp.resolve("original");
        writeClinic(original);
        ClinicData data = ClinicData.read(original, ZONE);
        DataSource database = newDatabase();
        PostgresTransfer transfer = new PostgresTransfer(database, ZONE);
        transfer.importAll(data);
        assertThrows(IllegalStateException.class, () -> transfer.importAll(data));
        assertEquals(data.appointments().size(), transfer.exportAll().appointments().size(), "nothing twice");

        Path notEmpty = Files.createDirectories(temp.resolve("not-empty"));
        Files.writeString(notEmpty.resolve("keep.txt"), "x");
        assertThrows(IllegalArgumentException.class, () -> transfer.exportAll().write(notEmpty, ZONE));
    }

    private static void writeClinic(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        MutableClock clock = new MutableClock(NOW);
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, Long.MAX_VALUE)) {
            ledger.storePhoto("p1.png", new byte[] {1, 2, 3});
            Doctor doctor = ledger.doctors().get(0);
            ledger.changeDoctor(doctor.getId(), "admin", ChangeType.DOCTOR_PHOTO_CHANGED,
                    d -> d.withPhoto("p1.png", clock.instant(), "admin"));
            ledger.changeSpecializations("admin", list -> List.of("Cardiology", "General Medicine"));
            ledger.changeSchedule("admin", ChangeType.HOLIDAY_ADDED,
                    s -> ClinicSchedule.of(List.of(new Holiday(DAY.plusDays(2), "Festival")), s.plans()));
            User asha = ledger.registerUser(patient("Asha Rao", "asha@example.com"), "system");
            User ben = ledger.registerUser(patient("Ben Das", "ben@example.com"), "system");
            Appointment held = ledger.hold(Appointment.hold(UUID.randomUUID().toString(), asha, doctor, DAY, "09:00 AM",
                    "Chest pain", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))), asha.getId(),
                    new BookingLimits(3));
            clock.advance(Duration.ofMinutes(1));
            ledger.change(held.getId(), "admin", ChangeType.CANCELLED,
                    a -> a.holdReleased("asked", clock.instant(), "admin"));
            Appointment desk = Appointment.bookedAtDesk(UUID.randomUUID().toString(), ben, doctor, DAY, "10:00 AM",
                    "Follow-up", clock.instant(), "admin", true);
            desk.setAmount(new BigDecimal("700.00"));
            ledger.hold(desk, "admin", new BookingLimits(3));
            ledger.hold(Appointment.hold(UUID.randomUUID().toString(), ben, ledger.doctors().get(1), DAY, "11:00 AM",
                    "Knee", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))), ben.getId(),
                    new BookingLimits(3));
            ledger.changeUser(ben.getId(), "admin", ChangeType.SUSPENDED, u -> u.suspended(clock.instant(), "admin"));
        }
    }

    private static User patient(String name, String email) {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName(name);
        user.setEmail(email);
        user.setPhone("+91 98765 43210");
        user.setRole(Role.PATIENT);
        user.setPassword("pbkdf2:sha256:1000$salt$hash");
        user.setCreatedAt(NOW);
        return user;
    }
}
