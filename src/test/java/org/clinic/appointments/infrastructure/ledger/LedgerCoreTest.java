package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCoreTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void doctors() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
    }

    private LedgerCore open() {
        return LedgerCore.open(dir, ZONE, clock, 0);
    }

    private static User patient(String email) {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName("Asha Rao");
        user.setEmail(email);
        user.setPhone("+91 98765 43210");
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(NOW);
        return user;
    }

    private Appointment holdFor(LedgerCore ledger, User patient, String time) {
        Doctor doctor = ledger.doctor("doc1").orElseThrow();
        return Appointment.hold(UUID.randomUUID().toString(), patient, doctor, DAY, time, "Check-up",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void loadsTheSampleDoctors() {
        try (LedgerCore ledger = open()) {
            assertEquals(8, ledger.doctors().size());
            assertEquals("Dr. Rajesh Kumar Sharma", ledger.doctor("doc1").orElseThrow().getName());
        }
    }

    @Test
    void anEmailAddressBelongsToOneAccountWhateverItsCase() {
        try (LedgerCore ledger = open()) {
            ledger.registerUser(patient("Asha@Example.com"), "system");
            assertThrows(DuplicateEmailException.class, () -> ledger.registerUser(patient("asha@example.COM"), "system"));
            assertTrue(ledger.userByEmail(" ASHA@example.com ").isPresent());
            assertEquals(1, ledger.userCount());
        }
    }

    @Test
    void addressesThatReadAsOneBelongToOneAccount() {
        try (LedgerCore ledger = open()) {
            ledger.registerUser(patient("jos\u00e9@example.com"), "system");
            for (String lookAlike : List.of("jose\u0301@example.com", "\u00a0JOS\u00c9@example.com",
                    "\uff4a\uff4f\uff53\u00e9@example.com")) {
                assertThrows(DuplicateEmailException.class, () -> ledger.registerUser(patient(lookAlike), "system"), lookAlike);
                assertTrue(ledger.userByEmail(lookAlike).isPresent(), lookAlike);
            }
            assertEquals(1, ledger.userCount());
        }
    }

    @Test
    void migratedAccountsWhoseAddressesNowReadAsOneAreKeptApartAndReported() throws IOException {
        Files.writeString(dir.resolve("users.json"), """
                [{"id": "u1", "name": "First", "email": "jos\u00e9@example.com", "password": "h", "phone": "9876543210", "role": "patient"},
                 {"id": "u2", "name": "Second", "email": "jose\u0301@example.com", "password": "h", "phone": "9876543210", "role": "patient"},
                 {"id": "u3", "name": "Third", "email": "other@example.com", "password": "h", "phone": "9876543210", "role": "patient"}]
                """);
        try (LedgerCore ledger = open()) {
            assertEquals(3, ledger.userCount());
            assertEquals("u1", ledger.userByEmail("jos\u00e9@example.com").orElseThrow().getId());
            assertEquals("u2", ledger.userByEmail("jose\u0301@example.com").orElseThrow().getId());
            assertEquals("u3", ledger.userByEmail("OTHER@example.com").orElseThrow().getId());
            assertEquals(List.of("u1", "u2"), ledger.sharedEmailKeys().get("jos\u00e9@example.com"));
            assertThrows(DuplicateEmailException.class, () -> ledger.registerUser(patient("JOS\u00c9@example.com"), "system"));
        }
    }

    @Test
    void halfACharacterIsNeverWrittenToTheJournalAsAQuestionMark() throws IOException {
        try (LedgerCore ledger = open()) {
            User broken = patient("broken@example.com");
            broken.setName("Asha \uD83D");
            assertThrows(RuntimeException.class, () -> ledger.registerUser(broken, "system"));
            assertTrue(ledger.userByEmail("broken@example.com").isEmpty(), "a refused write is not acknowledged");
            User whole = patient("whole@example.com");
            whole.setName("Asha \uD83D\uDE00");
            ledger.registerUser(whole, "system");
        }
        String journal = Files.readString(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8);
        assertFalse(journal.contains("broken@example.com") || journal.contains("?"), journal);
        try (LedgerCore ledger = open()) {
            assertEquals("Asha \uD83D\uDE00", ledger.userByEmail("whole@example.com").orElseThrow().getName());
        }
    }

    @Test
    void aSlotHasOneOwnerUntilItsHoldExpires() {
        try (LedgerCore ledger = open()) {
            User first = ledger.registerUser(patient("first@example.com"), "system");
            User second = ledger.registerUser(patient("second@example.com"), "system");
            Appointment held = ledger.hold(holdFor(ledger, first, "09:00 AM"), first.getId(), new BookingLimits(10));
            assertThrows(SlotTakenException.class, () -> ledger.hold(holdFor(ledger, second, "09:00 AM"), second.getId(), new BookingLimits(10)));
            ledger.hold(holdFor(ledger, second, "10:00 AM"), second.getId(), new BookingLimits(10));

            clock.advance(Duration.ofMinutes(16));
            Appointment late = ledger.hold(holdFor(ledger, second, "09:00 AM"), second.getId(), new BookingLimits(10));
            assertEquals(late.getId(), ledger.slotHolder(late.slot()).orElseThrow().getId());
            assertEquals(AppointmentStatus.PENDING_PAYMENT, ledger.appointment(held.getId()).orElseThrow().getStatus());
        }
    }

    @Test
    void everyAcknowledgedChangeIsThereAfterARestart() {
        String appointmentId;
        try (LedgerCore ledger = open()) {
            User user = ledger.registerUser(patient("asha@example.com"), "system");
            appointmentId = ledger.hold(holdFor(ledger, user, "11:00 AM"), user.getId(), new BookingLimits(10)).getId();
            Appointment confirmed = ledger.appointment(appointmentId).orElseThrow();
            confirmed.setStatus(AppointmentStatus.CONFIRMED);
            ledger.change(confirmed.getId(), user.getId(), ChangeType.PAYMENT, current -> confirmed);
        }
        assertTrue(Files.exists(dir.resolve("journal.jsonl")));
        try (LedgerCore reopened = open()) {
            assertEquals(1, reopened.userCount());
            Appointment loaded = reopened.appointment(appointmentId).orElseThrow();
            assertEquals(AppointmentStatus.CONFIRMED, loaded.getStatus());
            assertEquals(1, loaded.getHistory().size());
            assertEquals(3, reopened.lastSeq());
            assertThrows(SlotTakenException.class, () -> reopened.hold(holdFor(reopened,
                    reopened.userByEmail("asha@example.com").orElseThrow(), "11:00 AM"), "system", new BookingLimits(10)));
        }
    }

    @Test
    void compactionWritesSnapshotsArchivesTheJournalAndLoadsTheSame() throws IOException {
        try (LedgerCore ledger = open()) {
            User user = ledger.registerUser(patient("asha@example.com"), "system");
            ledger.hold(holdFor(ledger, user, "09:00 AM"), user.getId(), new BookingLimits(10));
            ledger.compact();
            ledger.hold(holdFor(ledger, user, "10:00 AM"), user.getId(), new BookingLimits(10));
        }
        String snapshot = Files.readString(dir.resolve("appointments.json"));
        assertTrue(snapshot.contains("\"user_id\""), "snapshot uses the seed's snake_case names");
        assertTrue(snapshot.contains("\"pending_payment\""), "statuses are stored as the seed's codes");
        try (Stream<Path> archived = Files.list(dir.resolve("archive"))) {
            assertEquals(1, archived.count());
        }
        try (LedgerCore reopened = open()) {
            assertEquals(2, reopened.appointmentCount());
            assertEquals(3, reopened.lastSeq());
        }
    }

    @Test
    void aCopyTakenInTheDocumentedOrderWhileACompactionRunsLoadsEveryChangeMadeBeforeTheCopy() throws IOException {
        Path backup = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-backup"));
        String asha;
        String ravi;
        String moved;
        try (LedgerCore ledger = open()) {
            User first = ledger.registerUser(patient("asha@example.com"), "system");
            asha = first.getId();
            moved = ledger.hold(holdFor(ledger, first, "09:00 AM"), asha, new BookingLimits(10)).getId();
            ledger.compact();
            // the backup copies the state file and users.json, then a compaction runs before it copies the rest
            Files.copy(dir.resolve("ledger-state.json"), backup.resolve("ledger-state.json"));
            Files.copy(dir.resolve("users.json"), backup.resolve("users.json"));
            User second = ledger.registerUser(patient("ravi@example.com"), "system");
            ravi = second.getId();
            ledger.hold(holdFor(ledger, second, "10:00 AM"), ravi, new BookingLimits(10));
            ledger.change(moved, asha, ChangeType.CANCELLED, a -> {
                Appointment next = a.copy();
                next.setStatus(AppointmentStatus.CANCELLED);
                return next;
            });
            ledger.compact();
            ledger.hold(holdFor(ledger, first, "11:00 AM"), asha, new BookingLimits(10));
            for (String name : List.of("doctors.json", "appointments.json", "journal.jsonl")) {
                Files.copy(dir.resolve(name), backup.resolve(name));
            }
            Files.createDirectory(backup.resolve("archive"));
            try (Stream<Path> archived = Files.list(dir.resolve("archive"))) {
                for (Path file : archived.toList()) {
                    Files.copy(file, backup.resolve("archive").resolve(file.getFileName()));
                }
            }
        }
        try (LedgerCore restored = LedgerCore.open(backup, ZONE, clock, 0)) {
            assertTrue(restored.user(ravi).isPresent(), "the account registered during the copy's compaction");
            assertEquals(3, restored.appointmentCount());
            assertEquals(AppointmentStatus.CANCELLED, restored.appointment(moved).orElseThrow().getStatus());
            assertEquals(6, restored.lastSeq());
            User second = restored.user(ravi).orElseThrow();
            assertThrows(SlotTakenException.class, () -> restored.hold(holdFor(restored, second, "11:00 AM"), ravi, new BookingLimits(10)));
            restored.hold(holdFor(restored, second, "09:00 AM"), ravi, new BookingLimits(10));
            assertEquals(7, restored.lastSeq(), "new changes follow on");
        }
        try (LedgerCore again = LedgerCore.open(backup, ZONE, clock, 0)) {
            assertEquals(4, again.appointmentCount());
        }
    }

    @Test
    void aTornLastLineIsSetAsideAndEverythingBeforeItKept() throws IOException {
        try (LedgerCore ledger = open()) {
            ledger.registerUser(patient("asha@example.com"), "system");
        }
        Files.writeString(dir.resolve("journal.jsonl"), "{\"seq\":2,\"at\":\"2026-11-", StandardOpenOption.APPEND);
        try (LedgerCore reopened = open()) {
            assertEquals(1, reopened.userCount());
            reopened.registerUser(patient("ravi@example.com"), "system");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("journal.jsonl.torn-")));
        }
        try (LedgerCore again = open()) {
            assertEquals(2, again.userCount());
        }
    }

    @Test
    void aCorruptMiddleLineStopsStartUpNamingFileAndLineAndWritesNothing() throws IOException {
        try (LedgerCore ledger = open()) {
            ledger.registerUser(patient("asha@example.com"), "system");
            ledger.registerUser(patient("ravi@example.com"), "system");
        }
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.set(0, "{not json");
        Files.write(journal, lines);
        byte[] before = Files.readAllBytes(journal);

        LedgerLoadException error = assertThrows(LedgerLoadException.class, this::open);
        assertTrue(error.getMessage().contains("journal.jsonl, line 1"), error.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(journal));
    }

    @Test
    void aCorruptSnapshotStopsStartUpNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("users.json"), "[\n  {\"id\": \"u1\",\n   \"email\": }\n]\n");
        LedgerLoadException error = assertThrows(LedgerLoadException.class, this::open);
        assertTrue(error.getMessage().contains("users.json, line 3"), error.getMessage());
    }

    @Test
    void aSnapshotRecordMissingItsFieldsIsNamed() throws IOException {
        Files.writeString(dir.resolve("appointments.json"), "[{\"id\": \"a1\", \"status\": \"confirmed\"}]");
        LedgerLoadException error = assertThrows(LedgerLoadException.class, this::open);
        assertTrue(error.getMessage().contains("appointments.json, record 1"), error.getMessage());
    }

    @Test
    void dataOfTheEarlierSystemLoads() throws IOException {
        Files.writeString(dir.resolve("users.json"), """
                [{"id": "u1", "name": "Old Patient", "email": "Old@Example.com", "password": "pbkdf2:sha256:600000$s$h",
                  "phone": "9876543210", "role": "patient", "created_at": "2025-11-02T10:15:30.123456"}]
                """);
        Files.writeString(dir.resolve("appointments.json"), """
                [{"id": "a1", "user_id": "u1", "user_email": "old@example.com", "user_name": "Old Patient",
                  "doctor_id": "doc2", "doctor_name": "Dr. Amit Singh Rathore", "date": "2026-12-01", "time": "02:00 PM",
                  "reason": "Knee pain", "status": "confirmed", "booked_at": "2025-11-02 10:20:00",
                  "payment_status": "Pending", "payment_method": "Pay-at-Clinic", "transaction_id": null}]
                """);
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.userByEmail("old@example.com").isPresent());
            Appointment a = ledger.appointment("a1").orElseThrow();
            assertEquals(AppointmentStatus.CONFIRMED, a.getStatus());
            assertEquals(Instant.parse("2025-11-02T04:50:00Z"), a.getBookedAt());
            assertFalse(ledger.slotHolder(a.slot()).isEmpty());
        }
    }

    @Test
    void fieldsOfTheEarlierSystemThatWeDoNotUseSurviveChangesCompactionAndRestarts() throws IOException {
        Files.writeString(dir.resolve("users.json"), """
                [{"id": "u1", "name": "Old Patient", "email": "old@example.com", "password": "pbkdf2:sha256:1000$s$h",
                  "phone": "9876543210", "role": "patient", "created_at": "2025-11-02T10:15:30",
                  "blood_group": "B+", "address": {"city": "Pune", "pin": 411001}, "newsletter": true}]
                """);
        Files.writeString(dir.resolve("appointments.json"), """
                [{"id": "a1", "user_id": "u1", "user_email": "old@example.com", "user_name": "Old Patient",
                  "doctor_id": "doc2", "doctor_name": "Dr. Amit Singh Rathore", "date": "2026-12-01", "time": "02:00 PM",
                  "reason": "Knee pain", "status": "confirmed", "booked_at": "2025-11-02 10:20:00",
                  "payment_status": "Pending", "payment_method": "Pay-at-Clinic", "transaction_id": null,
                  "consultation_fee": 800, "referral": null, "tags": ["follow-up", "x-ray"]}]
                """);
        try (LedgerCore ledger = open()) {
            User user = ledger.user("u1").orElseThrow();
            assertEquals("B+", user.getOtherFields().get("blood_group"));
            assertEquals(Set.of("blood_group", "address", "newsletter"), user.getOtherFields().keySet());
            Appointment a = ledger.appointment("a1").orElseThrow();
            assertEquals(Set.of("consultation_fee", "referral", "tags"), a.getOtherFields().keySet());
            User renamed = user.copy();
            renamed.setName("Old Patient Renamed");
            ledger.updateUser(renamed, "u1", ChangeType.PASSWORD_REHASHED);
            clock.advance(Duration.ofDays(1));
            ledger.change("a1", "admin", ChangeType.MARKED_PAID,
                    current -> current.byAdmin(org.clinic.appointments.domain.AdminAction.MARK_PAID, null,
                            new ClinicRules(ZONE, List.of("02:00 PM"), 30, Duration.ofMinutes(15), Duration.ofHours(24), 3),
                            clock.instant(), "admin"));
        }
        try (LedgerCore ledger = open()) {
            assertEquals("B+", ledger.user("u1").orElseThrow().getOtherFields().get("blood_group"));
            assertEquals(Set.of("consultation_fee", "referral", "tags"),
                    ledger.appointment("a1").orElseThrow().getOtherFields().keySet());
            ledger.compact();
        }
        String users = Files.readString(dir.resolve("users.json"));
        assertTrue(users.contains("\"blood_group\": \"B+\"") && users.contains("\"city\": \"Pune\"")
                && users.contains("\"newsletter\": true"), users);
        String appointments = Files.readString(dir.resolve("appointments.json"));
        assertTrue(appointments.contains("\"consultation_fee\": 800") && appointments.contains("\"x-ray\""), appointments);
        try (LedgerCore ledger = open()) {
            User user = ledger.user("u1").orElseThrow();
            assertEquals("Old Patient Renamed", user.getName());
            assertEquals(Set.of("blood_group", "address", "newsletter"), user.getOtherFields().keySet());
            Appointment a = ledger.appointment("a1").orElseThrow();
            assertEquals(org.clinic.appointments.domain.PaymentStatus.SUCCESS, a.getPaymentStatus());
            assertEquals(List.of("follow-up", "x-ray"), a.getOtherFields().get("tags"));
        }
    }

    @Test
    void everyDurableChangeLogsOneLineWithWhoWhatAndWhichButNoSecrets() {
        org.clinic.appointments.LogLines log = org.clinic.appointments.LogLines.of(LedgerCore.CHANGES);
        List<String> lines = log.lines();
        try (LedgerCore ledger = open()) {
            User patient = patient("asha@example.com");
            patient.setPassword("PBKDF2WithHmacSHA512:1024:c2VjcmV0:c2VjcmV0aGFzaA==");
            ledger.registerUser(patient, patient.getId());
            Appointment held = ledger.hold(holdFor(ledger, patient, "10:00 AM"), patient.getId(), new BookingLimits(3));
            clock.advance(Duration.ofMinutes(20));
            ledger.expireHolds();
            assertEquals(3, lines.size(), lines.toString());
            assertEquals("change seq=1 type=user.registered actor=" + patient.getId() + " user=" + patient.getId()
                    + " role=patient", lines.get(0));
            assertEquals("change seq=2 type=appointment.booked actor=" + patient.getId() + " appointment="
                    + held.getId() + " status=pending_payment", lines.get(1));
            assertEquals("change seq=3 type=appointment.hold_expired actor=system appointment=" + held.getId()
                    + " status=cancelled", lines.get(2));
            for (String line : lines) {
                assertFalse(line.contains("c2Vj") || line.contains("Check-up") || line.contains("asha@")
                        || line.contains("Asha"), line);
            }
        } finally {
            log.close();
        }
    }

    @Test
    void aSecondServerCannotOpenADirectoryInUse() {
        try (LedgerCore ledger = open()) {
            LedgerLoadException error = assertThrows(LedgerLoadException.class, this::open);
            assertTrue(error.getMessage().contains("in use"), error.getMessage());
        }
    }

    @Test
    void aPatientCannotHoldTwoSlotsAtTheSameTimeNorMoreThanTheLimit() {
        try (LedgerCore ledger = open()) {
            User user = ledger.registerUser(patient("asha@example.com"), "system");
            ledger.hold(holdFor(ledger, user, "09:00 AM"), user.getId(), new BookingLimits(2));
            Appointment otherDoctor = Appointment.hold(UUID.randomUUID().toString(), user,
                    ledger.doctor("doc2").orElseThrow(), DAY, "09:00 AM", "Knee", clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(15)));
            BookingException clash = assertThrows(BookingException.class,
                    () -> ledger.hold(otherDoctor, user.getId(), new BookingLimits(2)));
            assertEquals("booking.patient.same_time", clash.getMessageKey());

            ledger.hold(holdFor(ledger, user, "10:00 AM"), user.getId(), new BookingLimits(2));
            BookingException tooMany = assertThrows(BookingException.class,
                    () -> ledger.hold(holdFor(ledger, user, "11:00 AM"), user.getId(), new BookingLimits(2)));
            assertEquals("booking.holds.too_many", tooMany.getMessageKey());
            assertEquals(2, ledger.appointmentsOfPatient(user.getId()).size(), "refusals store nothing");
        }
    }

    @Test
    void reschedulingTakesTheNewSlotAndReleasesTheOldOneInOneWrite() {
        try (LedgerCore ledger = open()) {
            User first = ledger.registerUser(patient("first@example.com"), "system");
            User second = ledger.registerUser(patient("second@example.com"), "system");
            Appointment mine = ledger.hold(holdFor(ledger, first, "09:00 AM"), first.getId(), new BookingLimits(3));
            Appointment theirs = ledger.hold(holdFor(ledger, second, "10:00 AM"), second.getId(), new BookingLimits(3));

            assertThrows(SlotTakenException.class, () -> ledger.change(mine.getId(), first.getId(), ChangeType.RESCHEDULED,
                    a -> withTime(a, "10:00 AM")));
            assertEquals("09:00 AM", ledger.appointment(mine.getId()).orElseThrow().getTime(), "a refused move changes nothing");

            ledger.change(mine.getId(), first.getId(), ChangeType.RESCHEDULED, a -> withTime(a, "11:00 AM"));
            SlotKey old = new SlotKey("doc1", DAY, "09:00 AM");
            assertTrue(ledger.slotHolder(old).isEmpty(), "the old slot is free");
            assertEquals(mine.getId(), ledger.slotHolder(new SlotKey("doc1", DAY, "11:00 AM")).orElseThrow().getId());
            assertEquals(theirs.getId(), ledger.slotHolder(new SlotKey("doc1", DAY, "10:00 AM")).orElseThrow().getId());
            assertEquals(java.util.Set.of("10:00 AM", "11:00 AM"), ledger.takenTimes("doc1", DAY, DAY).get(DAY));
        }
    }

    private static Appointment withTime(Appointment appointment, String time) {
        appointment.setTime(time);
        return appointment;
    }

    @Test
    void theSweepCancelsExpiredHoldsAndTheCancellationSurvivesARestart() {
        String id;
        try (LedgerCore ledger = open()) {
            User user = ledger.registerUser(patient("asha@example.com"), "system");
            id = ledger.hold(holdFor(ledger, user, "09:00 AM"), user.getId(), new BookingLimits(3)).getId();
            assertEquals(0, ledger.expireHolds(), "a live hold is left alone");
            assertEquals(1, ledger.pendingCount());
            clock.advance(Duration.ofMinutes(15));
            assertEquals(1, ledger.expireHolds());
            assertEquals(0, ledger.pendingCount());
        }
        try (LedgerCore reopened = open()) {
            Appointment expired = reopened.appointment(id).orElseThrow();
            assertEquals(AppointmentStatus.CANCELLED, expired.getStatus());
            assertEquals("hold_expired", expired.getHistory().get(expired.getHistory().size() - 1).getAction());
            assertEquals(0, reopened.pendingCount());
        }
    }

    @Test
    void theScheduleIsDurableAndNewHoldsFollowIt() throws IOException {
        org.clinic.appointments.domain.ClinicSchedule.DefaultWeek allWeek = new org.clinic.appointments.domain.ClinicSchedule.DefaultWeek(
                java.util.EnumSet.allOf(java.time.DayOfWeek.class), List.of("09:00 AM", "10:00 AM"));
        User asha = patient("asha@example.com");
        try (LedgerCore ledger = open()) {
            ledger.offerOnly(allWeek);
            ledger.registerUser(asha, asha.getId());
            ledger.changeSchedule("admin-1", org.clinic.appointments.domain.ChangeType.HOLIDAY_ADDED,
                    s -> s.withHoliday(new org.clinic.appointments.domain.Holiday(DAY, "Clinic day off")));
            BookingException closed = assertThrows(BookingException.class,
                    () -> ledger.hold(holdFor(ledger, asha, "09:00 AM"), asha.getId(), new BookingLimits(3)));
            assertEquals("booking.slot.not_working", closed.getMessageKey());
        }
        try (LedgerCore ledger = open()) {
            assertEquals("Clinic day off", ledger.schedule().holiday(DAY).orElseThrow().name(), "from schedule.json");
        }
        Files.delete(dir.resolve(Snapshots.SCHEDULE));
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.schedule().holiday(DAY).isPresent(), "from the journal when the file is lost");
            ledger.compact();
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.schedule().holiday(DAY).isPresent(), "after a compaction");
            ledger.offerOnly(allWeek);
            ledger.changeSchedule("admin-1", org.clinic.appointments.domain.ChangeType.HOLIDAY_REMOVED,
                    s -> s.withoutHoliday(DAY));
            ledger.hold(holdFor(ledger, asha, "09:00 AM"), asha.getId(), new BookingLimits(3));
        }
    }

    /** Earlier versions took the controls of text direction in a leave's reason; such data still loads as it was. */
    @Test
    void aLeaveReasonWithADirectionControlStoredBeforeStillLoads() throws IOException {
        String reason = "Conference \u202Eabroad";
        org.clinic.appointments.domain.Leave stored = new org.clinic.appointments.domain.Leave("doc1", DAY, DAY.plusDays(2), reason);
        assertThrows(BookingException.class, stored::typed, "an admin typing it now is refused");
        try (LedgerCore ledger = open()) {
            ledger.changeSchedule("admin-1", org.clinic.appointments.domain.ChangeType.LEAVE_PLACED, s -> s.withLeave(stored));
        }
        try (LedgerCore ledger = open()) {
            assertEquals(List.of(reason), ledger.schedule().leaves().stream().map(org.clinic.appointments.domain.Leave::reason).toList(),
                    "from the journal");
            ledger.compact();
        }
        try (LedgerCore ledger = open()) {
            assertEquals(reason, ledger.schedule().leaves().get(0).reason(), "from schedule.json");
        }
    }
}
