package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's lines: proportional to the change, replayable from earlier versions, never waiting for a compaction. */
class JournalTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final ClinicRules RULES = new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM"), 30,
            Duration.ofMinutes(15), Duration.ofHours(24), 3);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    private void doctors() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
    }

    private static User patient(String id) {
        User user = new User();
        user.setId(id);
        user.setName("Asha Rao");
        user.setEmail(id + "@example.com");
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(NOW);
        return user;
    }

    private Appointment book(LedgerCore ledger, User patient, String id, String doctorId, String time) {
        Appointment hold = Appointment.hold(id, patient, ledger.doctor(doctorId).orElseThrow(), DAY, time, "Fever",
                clock.instant(), RULES.holdExpiry(clock.instant()));
        return ledger.hold(hold, patient.getId(), new BookingLimits(100));
    }

    private List<String> journalLines() throws IOException {
        return Files.readAllLines(dir.resolve(Journal.FILE));
    }

    @Test
    void aRescheduleLineDoesNotGrowWithTheHistory() throws IOException {
        doctors();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            User asha = ledger.registerUser(patient("asha"), "asha");
            book(ledger, asha, "a1", "doc1", "09:00 AM");
            PaymentOutcome atClinic = new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC, PaymentStatus.PENDING, "TXN-1",
                    null, null, null);
            ledger.change("a1", "asha", ChangeType.PAYMENT, a -> a.paid(atClinic, clock.instant(), "asha"));
            for (int i = 0; i < 1000; i++) {
                clock.advance(Duration.ofSeconds(1));
                String time = i % 2 == 0 ? "10:00 AM" : "09:00 AM";
                ledger.change("a1", "asha", ChangeType.RESCHEDULED,
                        a -> a.rescheduled(DAY, time, RULES, clock.instant(), "asha"));
            }
        }
        List<String> lines = journalLines();
        int first = lines.get(3).getBytes(StandardCharsets.UTF_8).length;
        int last = lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(last <= first * 1.5, "first reschedule line " + first + " B, the 1,000th " + last + " B");
        try (LedgerCore reopened = LedgerCore.open(dir, ZONE, clock, 0)) {
            Appointment a1 = reopened.appointment("a1").orElseThrow();
            assertEquals(1002, a1.getHistory().size(), "the whole history is rebuilt from the lines");
            assertEquals("09:00 AM", a1.getTime());
            assertEquals("rescheduled", a1.getHistory().get(1001).getAction());
        }
    }

    @Test
    void aScheduleChangeLineDoesNotGrowWithTheSchedulesChanges() throws IOException {
        doctors();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            for (int i = 0; i < 500; i++) {
                clock.advance(Duration.ofSeconds(1));
                Holiday holiday = new Holiday(DAY, "Festival " + i);
                Instant at = clock.instant();
                ledger.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> s.withoutHoliday(DAY).withHoliday(holiday)
                        .recorded(ScheduleChange.holidayAdded(at, "admin", holiday)));
            }
        }
        List<String> lines = journalLines();
        int first = lines.get(0).getBytes(StandardCharsets.UTF_8).length;
        int last = lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(last <= first * 1.5, "first schedule line " + first + " B, the 500th " + last + " B");
        try (LedgerCore reopened = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEachFestivalOnce(reopened.schedule(), 500);
        }
        Files.delete(dir.resolve("schedule.json"));
        try (LedgerCore fromTheLinesAlone = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEachFestivalOnce(fromTheLinesAlone.schedule(), 500);
        }
    }

    /** The changes recorded, oldest first: festival 0, 1, … (schedule.json holds them all before a replay too). */
    private static void assertEachFestivalOnce(ClinicSchedule schedule, int count) {
        List<ScheduleChange> changes = schedule.changes();
        assertEquals(count, changes.size());
        for (int i = 0; i < count; i++) {
            assertEquals(DAY + " Festival " + i, changes.get(i).detail());
        }
        assertEquals("Festival " + (count - 1), schedule.holiday(DAY).orElseThrow().name());
    }

    @Test
    void aScheduleLineHoldingTheWholeScheduleAsBeforeStillReplays() throws IOException {
        doctors();
        List<ScheduleChange> earlier = new ArrayList<>();
        StringBuilder journal = new StringBuilder();
        ClinicSchedule schedule = ClinicSchedule.EMPTY;
        for (int i = 0; i < 2; i++) {
            Holiday holiday = new Holiday(DAY, "Festival " + i);
            ScheduleChange change = ScheduleChange.holidayAdded(NOW.plusSeconds(i), "admin", holiday);
            earlier.add(change);
            schedule = schedule.withoutHoliday(DAY).withHoliday(holiday).recorded(change);
            journal.append("{\"seq\":").append(i + 1).append(",\"at\":\"").append(change.at())
                    .append("\",\"actor\":\"admin\",\"type\":\"schedule.holiday_added\",\"schedule\":")
                    .append(ScheduleJson.toJson(schedule)).append("}\n");
        }
        Files.writeString(dir.resolve(Journal.FILE), journal);
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEachFestivalOnce(ledger.schedule(), 2);
            Holiday next = new Holiday(DAY, "Festival 2");
            ledger.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> s.withoutHoliday(DAY).withHoliday(next)
                    .recorded(ScheduleChange.holidayAdded(clock.instant(), "admin", next)));
        }
        Files.delete(dir.resolve("schedule.json"));
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEachFestivalOnce(ledger.schedule(), 3);
        }
    }

    @Test
    void aDataDirectoryWrittenByTheEarlierVersionLoadsAndGoesOn() throws IOException {
        copyFixture("ledger-v1", dir);
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEquals(9, ledger.lastSeq());
            assertEquals(2, ledger.userCount());
            Appointment a1 = ledger.appointment("a1").orElseThrow();
            assertEquals("11:00 AM", a1.getTime());
            assertEquals(List.of("booked", "paid", "rescheduled", "rescheduled"), actions(a1));
            Appointment a2 = ledger.appointment("a2").orElseThrow();
            assertEquals(AppointmentStatus.CONFIRMED, a2.getStatus());
            assertEquals(PaymentStatus.SUCCESS, a2.getPaymentStatus());
            assertEquals(List.of("booked", "pay_at_clinic", "marked_paid"), actions(a2));
            assertEquals("paid in cash", a2.getHistory().get(2).getNote());
            assertEquals("a1", ledger.slotHolder(a1.slot()).orElseThrow().getId());
            clock.advance(Duration.ofMinutes(10));
            ledger.change("a1", "admin", ChangeType.CANCELLED,
                    a -> a.byAdmin(AdminAction.CANCEL, null, RULES, clock.instant(), "admin"));
        }
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEquals(List.of("booked", "paid", "rescheduled", "rescheduled", "cancelled"),
                    actions(ledger.appointment("a1").orElseThrow()), "a new line on top of the earlier lines");
            ledger.compact();
        }
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEquals(5, ledger.appointment("a1").orElseThrow().getHistory().size(), "and after a compaction");
            assertEquals(3, ledger.appointment("a2").orElseThrow().getHistory().size());
        }
    }

    @Test
    void replayingLinesTheSnapshotsHoldAlreadyChangesNothing() throws IOException {
        doctors();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            User asha = ledger.registerUser(patient("asha"), "asha");
            book(ledger, asha, "a1", "doc1", "09:00 AM");
            clock.advance(Duration.ofSeconds(5));
            ledger.change("a1", "asha", ChangeType.RESCHEDULED,
                    a -> a.rescheduled(DAY, "10:00 AM", RULES, clock.instant(), "asha"));
        }
        byte[] journal = Files.readAllBytes(dir.resolve(Journal.FILE));
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            ledger.compact();
        }
        // a crash after the snapshots were written but before their seq was recorded
        Files.writeString(dir.resolve(Snapshots.STATE), "{\"seq\":0}");
        try (Stream<Path> archived = Files.list(dir.resolve(Journal.ARCHIVE))) {
            assertEquals(List.of(journal.length), archived.map(JournalTest::size).toList());
        }
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertEquals(List.of("booked", "rescheduled"), actions(ledger.appointment("a1").orElseThrow()));
            assertEquals("10:00 AM", ledger.appointment("a1").orElseThrow().getTime());
        }
    }

    @Test
    void bookingsGoOnWhileSnapshotsAreWrittenAndNothingIsLost() throws Exception {
        doctors();
        CountDownLatch compactionMayWrite = new CountDownLatch(1);
        List<Thread> compactions = new ArrayList<>();
        Executor heldBack = task -> {
            Thread thread = new Thread(() -> {
                try {
                    compactionMayWrite.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
            compactions.add(thread);
            thread.start();
        };
        List<String> booked = new ArrayList<>();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 4_000, heldBack)) {
            int n = 0;
            while (!ledger.compacting()) {
                User patient = ledger.registerUser(patient("p" + n), "p" + n);
                booked.add(book(ledger, patient, "a" + n, "doc" + (1 + n % 8), List.of("09:00 AM", "10:00 AM",
                        "11:00 AM").get(n / 8 % 3)).getId());
                n++;
            }
            assertEquals(0, ledger.journalSize(), "the journal was rotated before the snapshots are written");
            for (int i = 0; i < 3; i++, n++) {
                User patient = ledger.registerUser(patient("p" + n), "p" + n);
                booked.add(book(ledger, patient, "a" + n, "doc" + (1 + n % 8), "12:00 PM").getId());
            }
            assertTrue(ledger.compacting(), "three bookings went through while the compaction waited");
            assertTrue(ledger.journalSize() > 0);
            compactionMayWrite.countDown();
            ledger.awaitCompaction();
        }
        assertFalse(compactions.isEmpty());
        assertTrue(Files.readString(dir.resolve(Snapshots.STATE)).contains("\"seq\""));
        try (LedgerCore reopened = LedgerCore.open(dir, ZONE, clock, 0)) {
            for (String id : booked) {
                assertTrue(reopened.appointment(id).isPresent(), "booking " + id + " kept");
            }
            assertEquals(booked.size(), reopened.appointmentCount());
        }
    }

    private static int size(Path file) {
        try {
            return (int) Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> actions(Appointment a) {
        return a.getHistory().stream().map(HistoryEntry::getAction).toList();
    }

    static void copyFixture(String name, Path target) throws IOException {
        for (String file : List.of("doctors.json", "users.json", "appointments.json", "ledger-state.json",
                "journal.jsonl", "archive/journal-000000000001-000000000005.jsonl")) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            try (InputStream in = JournalTest.class.getResourceAsStream("/" + name + "/" + file)) {
                Files.copy(in, to);
            }
        }
    }
}
