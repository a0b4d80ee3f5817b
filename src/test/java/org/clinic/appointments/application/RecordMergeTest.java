package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.SampleRecords;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk-in's record merged into an account or another walk-in's record: its appointments move once, to the record
 * kept, even when a stop cut the move short.
 */
class RecordMergeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private LedgerCore book;
    private RecordMerge merge;
    private User account;
    private User walkIn;

    @BeforeEach
    void open() {
        reopen();
        book.offerOnly(new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), List.of("09:00 AM", "10:00 AM")));
        Doctor doctor = book.addDoctor(SampleRecords.cardiologist(), "admin");
        account = book.registerUser(SampleRecords.patient(clock.instant()), "p1");
        walkIn = book.registerUser(User.walkIn("w1", "Asha at the desk", "+91 90000 11111", clock.instant(), "admin"),
                "admin");
        for (String time : List.of("09:00 AM", "10:00 AM")) {
            book.hold(Appointment.bookedAtDesk("desk-" + time.substring(0, 2), walkIn, doctor, DAY, time, "Desk",
                    clock.instant(), "admin", false), "admin", new BookingLimits(3));
        }
    }

    private void reopen() {
        if (book != null) {
            book.close();
        }
        book = LedgerCore.open(dir, ZONE, clock, 0);
        merge = new RecordMerge();
        merge.book = book;
    }

    @AfterEach
    void close() {
        book.close();
    }

    @Test
    void aMoveCutShortByAStopIsFinishedByTheCatchUpAfterTheStartAndOnlyOnce() {
        User merged = book.changeUser("w1", "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin"));
        book.moveToPatient("desk-09", "w1", account, PatientMove.MERGED, "admin");
        reopen();

        clock.advance(Duration.ofHours(1));
        assertEquals(1, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"), "the one left behind");
        assertTrue(book.appointmentsOfPatient("w1").isEmpty());
        assertEquals(List.of("desk-10", "desk-09"),
                book.appointmentsOfPatient(account.getId()).stream().map(Appointment::getId).toList());
        assertEquals(0, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"), "nothing twice");
        assertEquals(0, merge.moveAppointments(merged, "admin"));
    }

    @Test
    void aRecordMergedIntoAnotherWalkInFollowsItToTheAccountItWasMergedIntoLater() {
        User other = book.registerUser(User.walkIn("w2", "Asha again", "+91 90000 22222", clock.instant(), "admin"),
                "admin");
        book.changeUser("w1", "admin", ChangeType.MERGED_INTO, u -> u.mergedInto(other, clock.instant(), "admin"));
        book.moveToPatient("desk-09", "w1", other, PatientMove.MERGED, "admin");
        User second = book.changeUser("w2", "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin"));
        assertEquals(1, merge.moveAppointments(second, "admin"), "the one the first merge had moved");
        reopen();

        assertEquals(account.getId(), merge.kept(book.user("w1").orElseThrow()).orElseThrow().getId());
        assertEquals(1, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"),
                "the one the stop left on the first record goes to the account, not to the merged record");
        assertTrue(book.appointmentsOfPatient("w1").isEmpty());
        assertTrue(book.appointmentsOfPatient("w2").isEmpty());
        assertEquals(List.of("desk-10", "desk-09"),
                book.appointmentsOfPatient(account.getId()).stream().map(Appointment::getId).toList());
        assertEquals(List.of("w2", "w1"), merge.mergedInto(account.getId()).stream().map(User::getId).toList(),
                "the patient's data names both records");
        assertEquals(List.of("w1"), merge.mergedInto("w2").stream().map(User::getId).toList());
    }

    @Test
    void anUndoneMergeBringsBackWhatCameFromTheRecordEvenAfterAStopAndLeavesTheAccountsOwn() {
        Doctor doctor = book.doctors().get(0);
        book.hold(Appointment.bookedAtDesk("own-10", account, doctor, DAY.plusDays(1), "10:00 AM", "Own",
                clock.instant(), "admin", false), "admin", new BookingLimits(3));
        User merged = book.changeUser("w1", "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin"));
        assertEquals(2, merge.moveAppointments(merged, "admin"));
        User undone = book.changeUser("w1", "admin", ChangeType.MERGE_UNDONE, u -> u.mergeUndone(clock.instant(), "admin"));
        book.moveToPatient("desk-09", account.getId(), undone, PatientMove.MERGE_UNDONE, "admin");
        reopen();

        assertEquals(1, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"),
                "the one a stop left with the account goes back");
        assertEquals(List.of("desk-10", "desk-09"),
                book.appointmentsOfPatient("w1").stream().map(Appointment::getId).toList());
        assertEquals(List.of("own-10"), book.appointmentsOfPatient(account.getId()).stream().map(Appointment::getId)
                .toList(), "the account's own booking stays");
        assertTrue(merge.mergedInto(account.getId()).isEmpty(), "the patient's data no longer names the record");
        assertEquals(0, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"), "nothing twice");
        assertEquals(0, merge.moveAppointments(merged, "admin"),
                "a merge still under way when the undo came moves nothing more");
        assertEquals(2, book.appointmentsOfPatient("w1").size());
    }

    @Test
    void undoingAMergeThroughAnotherRecordBringsBackOnlyWhatCameFromIt() {
        User other = book.registerUser(User.walkIn("w2", "Asha again", "+91 90000 22222", clock.instant(), "admin"),
                "admin");
        Doctor doctor = book.doctors().get(0);
        book.hold(Appointment.bookedAtDesk("w2-10", other, doctor, DAY.plusDays(1), "10:00 AM", "Desk",
                clock.instant(), "admin", false), "admin", new BookingLimits(3));
        merge.moveAppointments(book.changeUser("w1", "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(other, clock.instant(), "admin")), "admin");
        merge.moveAppointments(book.changeUser("w2", "admin", ChangeType.MERGED_INTO,
                u -> u.mergedInto(account, clock.instant(), "admin")), "admin");
        assertEquals(3, book.appointmentsOfPatient(account.getId()).size());

        User undone = book.changeUser("w1", "admin", ChangeType.MERGE_UNDONE, u -> u.mergeUndone(clock.instant(), "admin"));
        assertEquals(2, merge.moveBack(undone, "w2", "admin"), "from the account, where the record it joined went");
        assertEquals(List.of("desk-10", "desk-09"),
                book.appointmentsOfPatient("w1").stream().map(Appointment::getId).toList());
        assertEquals(List.of("w2-10"), book.appointmentsOfPatient(account.getId()).stream().map(Appointment::getId)
                .toList());
        assertEquals(List.of("w2"), merge.mergedInto(account.getId()).stream().map(User::getId).toList());
    }

    @Test
    void aRecordNotMergedKeepsItsAppointments() {
        assertEquals(0, merge.moveAppointments(walkIn, "admin"));
        assertEquals(0, merge.catchUp(clock.instant().minus(Duration.ofDays(7)), "system"));
        assertEquals(2, book.appointmentsOfPatient("w1").size());
    }
}
