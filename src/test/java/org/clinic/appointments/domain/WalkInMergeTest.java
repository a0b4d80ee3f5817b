package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A walk-in's record merged into the same patient's account: what the record and its appointments become. */
class WalkInMergeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final ClinicRules RULES = new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM"), 30,
            Duration.ofMinutes(15), Duration.ofHours(24), 3);
    private static final Instant NOW = LocalDate.of(2026, 11, 24).atTime(12, 0).atZone(ZONE).toInstant();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static User walkIn() {
        return User.walkIn("w1", "Asha (desk)", "+91 90000 11111", NOW.minusSeconds(3600), "admin-1");
    }

    private static User account(String id) {
        User account = new User();
        account.setId(id);
        account.setName("Asha Rao");
        account.setEmail("asha.rao@example.com");
        account.setPhone("+91 90000 11111");
        account.setRole(Role.PATIENT);
        return account;
    }

    private static Appointment bookedAtDesk(User patient, LocalDate day) {
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. One");
        return Appointment.bookedAtDesk("a1", patient, doctor, day, "09:00 AM", "Desk", NOW, "admin-1", false);
    }

    @Test
    void theRecordSaysWhichAccountItWentToAndNothingMoreIsDoneWithIt() {
        User offered = walkIn().onlineAccessOffered("asha.rao@example.com", "hash-1", NOW.plus(Duration.ofHours(48)),
                NOW, "admin-1");
        User merged = offered.mergedInto(account("u1"), NOW, "admin-2");
        assertEquals("u1", merged.mergedIntoId());
        assertNull(walkIn().mergedIntoId());
        AccountChange change = merged.getChanges().get(merged.getChanges().size() - 1);
        assertEquals(ChangeType.MERGED_INTO, change.type());
        assertEquals("admin-2", change.getActor());
        assertFalse(merged.resetOpen("hash-1", NOW.plusSeconds(60)), "the link mailed before is worthless");
        assertNull(merged.accessOfferedUntil());

        assertEquals("patients.merged", assertThrows(BookingException.class,
                () -> merged.mergedInto(account("u2"), NOW, "admin-2")).getMessageKey(), "once");
        assertEquals("patients.merged", assertThrows(BookingException.class,
                () -> merged.walkInDetailsCorrected("A", "+91 90000 22222", NOW, "admin-2")).getMessageKey());
        assertEquals("patients.merged", assertThrows(BookingException.class, () -> merged.onlineAccessOffered(
                "a@example.com", "hash-2", NOW.plus(Duration.ofHours(1)), NOW, "admin-2")).getMessageKey());
        assertEquals("desk.patient.merged", assertThrows(BookingException.class,
                () -> merged.requireMayHoldAs("admin-2")).getMessageKey(), "the desk books for the account");
    }

    @Test
    void onlyAWalkInIsMergedAndOnlyIntoAnotherPatientsRecordNotMergedItself() {
        assertEquals("patients.merge.walk_in_only", assertThrows(BookingException.class,
                () -> account("u1").mergedInto(account("u2"), NOW, "admin-1")).getMessageKey());
        assertEquals("patients.merge.target", assertThrows(BookingException.class,
                () -> walkIn().mergedInto(walkIn(), NOW, "admin-1")).getMessageKey(), "not into itself");
        User admin = account("admin-9");
        admin.setRole(Role.ADMIN);
        assertEquals("patients.merge.target", assertThrows(BookingException.class,
                () -> walkIn().mergedInto(admin, NOW, "admin-1")).getMessageKey());
        User otherWalkIn = User.walkIn("w2", "Asha", "+91 90000 11111", NOW, "admin-1").mergedInto(account("u1"),
                NOW, "admin-1");
        assertEquals("patients.merge.target", assertThrows(BookingException.class,
                () -> walkIn().mergedInto(otherWalkIn, NOW, "admin-1")).getMessageKey());
        User registeredTwice = User.walkIn("w3", "Asha", "+91 90000 33333", NOW, "admin-1");
        assertEquals("w3", walkIn().mergedInto(registeredTwice, NOW, "admin-1").mergedIntoId(),
                "the desk's other record of the same patient");
    }

    @Test
    void anUndoneMergeMakesTheRecordItsOwnAgainAndItMayBeMergedAgain() {
        assertEquals("patients.merge.not_merged", assertThrows(BookingException.class,
                () -> walkIn().mergeUndone(NOW, "admin-1")).getMessageKey());
        User undone = walkIn().mergedInto(account("u1"), NOW, "admin-1").mergeUndone(NOW.plusSeconds(60), "admin-2");
        assertNull(undone.mergedIntoId());
        AccountChange change = undone.getChanges().get(undone.getChanges().size() - 1);
        assertEquals(ChangeType.MERGE_UNDONE, change.type());
        assertEquals("u1", change.getDetail(), "the record it had been merged into");
        undone.requireMayHoldAs("admin-2");
        assertEquals("u2", undone.mergedInto(account("u2"), NOW.plusSeconds(120), "admin-2").mergedIntoId());
    }

    @Test
    void anAppointmentMovedBackNamesTheWalkInAgainAndKnowsWhereItCameFrom() {
        User account = account("u1");
        Appointment coming = MessagePolicy.queued(null, bookedAtDesk(walkIn(), DAY), NOW);
        Appointment merged = coming.patientMerged(account, NOW, "admin-2");
        assertTrue(merged.cameFrom("w1"));
        assertFalse(coming.cameFrom("w1"));
        assertFalse(merged.cameFrom("u1"));
        Appointment back = merged.patientMergeUndone(walkIn(), NOW.plusSeconds(60), "admin-3");
        assertEquals("w1", back.getUserId());
        assertEquals("Asha (desk)", back.getUserName());
        assertEquals(walkIn().getEmail(), back.getUserEmail());
        HistoryEntry last = back.getHistory().get(back.getHistory().size() - 1);
        assertEquals(Appointment.PATIENT_MERGE_UNDONE, last.getAction());
        assertEquals("from u1", last.getNote());
        assertEquals(merged.slot(), back.slot());
    }

    @Test
    void aVisitToComeNamesTheAccountAndItsWaitingMessagesGoThereWhileAPastVisitKeepsItsName() {
        User account = account("u1");
        Appointment booked = bookedAtDesk(walkIn(), DAY);
        Appointment coming = MessagePolicy.queued(null, booked, NOW);
        Appointment moved = coming.patientMerged(account, NOW, "admin-2");
        assertEquals("u1", moved.getUserId());
        assertEquals("Asha Rao", moved.getUserName());
        assertEquals("asha.rao@example.com", moved.getUserEmail());
        moved.getMessages().forEach(m -> assertEquals("asha.rao@example.com", m.getRecipient()));
        HistoryEntry last = moved.getHistory().get(moved.getHistory().size() - 1);
        assertEquals(Appointment.PATIENT_MERGED, last.getAction());
        assertEquals("from w1", last.getNote());
        assertEquals(moved.getHistory().size(), moved.patientMerged(account, NOW, "admin-2").getHistory().size(),
                "moved once");

        Appointment done = booked.byAdmin(AdminAction.ARRIVE, null, RULES, DAY.atTime(9, 5).atZone(ZONE).toInstant(),
                "admin-1").byAdmin(AdminAction.COMPLETE, null, RULES, DAY.atTime(9, 40).atZone(ZONE).toInstant(),
                "admin-1");
        Appointment pastMoved = done.patientMerged(account, NOW, "admin-2");
        assertEquals("u1", pastMoved.getUserId(), "the account's history holds the visit");
        assertEquals("Asha (desk)", pastMoved.getUserName(), "under the name it was booked under");
    }

    @Test
    void theStoreTakesAMoveThatChangesOnlyThePatient() {
        Appointment booked = bookedAtDesk(walkIn(), DAY);
        User account = account("u1");
        assertEquals("u1", StoredChange.moved(booked, "w1", "u1", a -> a.patientMerged(account, NOW, "admin-1"))
                .getUserId());
        assertThrows(IllegalArgumentException.class, () -> StoredChange.moved(booked, "w2", "u1",
                a -> a.patientMerged(account, NOW, "admin-1")), "another patient's appointment");
        assertThrows(IllegalArgumentException.class, () -> StoredChange.moved(booked, "w1", "u1",
                a -> a.patientMerged(account, NOW, "admin-1").rescheduled(DAY, "10:00 AM", RULES, NOW, "admin-1")),
                "a move that also changes the slot");
        assertThrows(IllegalArgumentException.class, () -> StoredChange.next(booked, null,
                a -> a.patientMerged(account, NOW, "admin-1")), "no other change alters the patient");
    }
}
