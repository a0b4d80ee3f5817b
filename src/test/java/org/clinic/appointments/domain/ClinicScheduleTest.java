package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClinicScheduleTest {

    private static final List<String> EIGHT = List.of("09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM",
            "03:00 PM", "04:00 PM", "05:00 PM");
    private static final ClinicSchedule.DefaultWeek MON_TO_SAT = new ClinicSchedule.DefaultWeek(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), EIGHT);
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 25);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);

    private static DayPlan hours(String start, String end, int minutes, String breakStart, String breakEnd) {
        return new DayPlan(LocalTime.parse(start), LocalTime.parse(end), minutes,
                breakStart == null ? null : LocalTime.parse(breakStart), breakEnd == null ? null : LocalTime.parse(breakEnd));
    }

    @Test
    void theDefaultWeekIsTodaysEightSlotsMondayToSaturday() {
        assertEquals(EIGHT, ClinicSchedule.EMPTY.slotTimes("doc1", MONDAY, MON_TO_SAT));
        assertEquals(List.of(), ClinicSchedule.EMPTY.slotTimes("doc1", SUNDAY, MON_TO_SAT));
        assertEquals(EIGHT, hours("09:00", "18:00", 60, "13:00", "14:00").slotTimes(),
                "the default is nine to six in hours with a lunch break");
    }

    @Test
    void theDefaultWeekReadsAsTheDayPlanThatGivesItsSlots() {
        assertEquals(java.util.Optional.of(hours("09:00", "18:00", 60, "13:00", "14:00")), MON_TO_SAT.asDayPlan());
        List<String> halfHours = List.of("08:00 AM", "08:30 AM", "09:00 AM", "09:30 AM");
        assertEquals(java.util.Optional.of(hours("08:00", "10:00", 30, null, null)),
                new ClinicSchedule.DefaultWeek(Set.of(DayOfWeek.MONDAY), halfHours).asDayPlan());
        assertEquals(java.util.Optional.of(hours("10:00", "11:00", 60, null, null)),
                new ClinicSchedule.DefaultWeek(Set.of(DayOfWeek.MONDAY), List.of("10:00 AM")).asDayPlan(), "one slot: an hour");
        for (List<String> uneven : List.of(List.of("09:00 AM", "09:45 AM", "11:00 AM"),
                List.of("09:00 AM", "10:00 AM", "12:00 PM", "02:00 PM"), List.of("11:00 PM", "11:30 PM"))) {
            assertEquals(java.util.Optional.empty(), new ClinicSchedule.DefaultWeek(Set.of(DayOfWeek.MONDAY), uneven).asDayPlan(),
                    "no day plan gives " + uneven);
        }
    }

    @Test
    void fromADayOnAreTheHolidaysOnOrAfterItAndTheLeaveNotOverBeforeIt() {
        Leave over = new Leave("doc1", MONDAY.minusDays(9), MONDAY.minusDays(1), "Conference");
        Leave endingThatDay = new Leave("doc2", MONDAY.minusDays(2), MONDAY, "Family");
        Leave later = new Leave("doc1", TUESDAY, TUESDAY.plusDays(2), "Course");
        ClinicSchedule schedule = ClinicSchedule.of(List.of(new Holiday(MONDAY.minusDays(1), "Sunday's"),
                new Holiday(MONDAY, "Monday's"), new Holiday(SUNDAY, "Sunday after")), java.util.Map.of(),
                List.of(later, over, endingThatDay));
        assertEquals(List.of(new Holiday(MONDAY, "Monday's"), new Holiday(SUNDAY, "Sunday after")),
                schedule.holidaysFrom(MONDAY));
        assertEquals(List.of(endingThatDay, later), schedule.leavesNotOverBefore(MONDAY));
        assertEquals(List.of(later), schedule.leavesNotOverBefore(TUESDAY));
    }

    @Test
    void aHolidayClosesTheClinicForEveryone() {
        ClinicSchedule schedule = ClinicSchedule.EMPTY.withHoliday(new Holiday(TUESDAY, "Republic Day"));
        assertEquals(List.of(), schedule.slotTimes("doc1", TUESDAY, MON_TO_SAT));
        assertEquals(List.of(), schedule.slotTimes("doc7", TUESDAY, MON_TO_SAT));
        assertEquals(EIGHT, schedule.slotTimes("doc1", MONDAY, MON_TO_SAT));
        assertEquals("schedule.holiday.exists", assertThrows(BookingException.class,
                () -> schedule.withHoliday(new Holiday(TUESDAY, "Again"))).getMessageKey());
        assertEquals(EIGHT, schedule.withoutHoliday(TUESDAY).slotTimes("doc1", TUESDAY, MON_TO_SAT));
    }

    @Test
    void aPlanAppliesFromItsDateOnAndTheLatestWins() {
        WeeklyPlan mornings = new WeeklyPlan(TUESDAY, Map.of(DayOfWeek.TUESDAY, hours("09:00", "11:00", 30, null, null),
                DayOfWeek.SUNDAY, hours("10:00", "12:00", 60, null, null)));
        ClinicSchedule schedule = ClinicSchedule.EMPTY.withPlan("doc2", mornings);
        assertEquals(EIGHT, schedule.slotTimes("doc2", MONDAY, MON_TO_SAT), "before the plan: the default week");
        assertEquals(List.of("09:00 AM", "09:30 AM", "10:00 AM", "10:30 AM"), schedule.slotTimes("doc2", TUESDAY, MON_TO_SAT));
        assertEquals(List.of(), schedule.slotTimes("doc2", TUESDAY.plusDays(1), MON_TO_SAT), "a day not in the plan is off");
        assertEquals(List.of("10:00 AM", "11:00 AM"), schedule.slotTimes("doc2", SUNDAY, MON_TO_SAT));
        assertEquals(EIGHT, schedule.slotTimes("doc1", TUESDAY, MON_TO_SAT), "other doctors keep theirs");
        assertTrue(schedule.offers("doc2", TUESDAY, "10:30 AM", MON_TO_SAT));
        assertFalse(schedule.offers("doc2", TUESDAY, "02:00 PM", MON_TO_SAT));

        ClinicSchedule later = schedule.withPlan("doc2", new WeeklyPlan(SUNDAY, Map.of()));
        assertEquals(List.of(), later.slotTimes("doc2", SUNDAY, MON_TO_SAT), "the later plan wins from its date");
        assertEquals(4, later.slotTimes("doc2", TUESDAY, MON_TO_SAT).size(), "the earlier one still holds before");
    }

    @Test
    void aDayPlanThatMakesNoSenseIsRefusedWithItsReason() {
        assertEquals("schedule.plan.end_before_start", assertThrows(BookingException.class,
                () -> hours("18:00", "09:00", 60, null, null)).getMessageKey());
        assertEquals("schedule.plan.end_before_start", assertThrows(BookingException.class,
                () -> hours("09:00", "09:00", 60, null, null)).getMessageKey());
        assertEquals("schedule.plan.slot_length", assertThrows(BookingException.class,
                () -> hours("09:00", "18:00", 0, null, null)).getMessageKey());
        assertEquals("schedule.plan.slot_length", assertThrows(BookingException.class,
                () -> hours("09:00", "18:00", -30, null, null)).getMessageKey());
        assertEquals("schedule.plan.break_outside", assertThrows(BookingException.class,
                () -> hours("09:00", "12:00", 30, "13:00", "14:00")).getMessageKey());
        assertEquals("schedule.plan.break_outside", assertThrows(BookingException.class,
                () -> hours("09:00", "18:00", 30, "14:00", "13:00")).getMessageKey());
        assertEquals("schedule.plan.break_incomplete", assertThrows(BookingException.class,
                () -> hours("09:00", "18:00", 30, "13:00", null)).getMessageKey());
        assertEquals("schedule.plan.no_slot", assertThrows(BookingException.class,
                () -> hours("09:00", "09:20", 30, null, null)).getMessageKey());
        assertEquals(List.of("11:00 PM"), hours("23:00", "23:59", 30, null, null).slotTimes(),
                "no slot runs past the end (or midnight)");
        assertEquals("schedule.holiday.name_required", assertThrows(BookingException.class,
                () -> new Holiday(MONDAY, "  ")).getMessageKey());
    }

    @Test
    void aLeaveClosesTheDoctorsDaysAndMayNotOverlapAnother() {
        ClinicSchedule schedule = ClinicSchedule.EMPTY.withLeave(new Leave("doc3", MONDAY, TUESDAY, "Conference"));
        assertEquals(List.of(), schedule.slotTimes("doc3", MONDAY, MON_TO_SAT));
        assertEquals(List.of(), schedule.slotTimes("doc3", TUESDAY, MON_TO_SAT));
        assertEquals(EIGHT, schedule.slotTimes("doc3", TUESDAY.plusDays(1), MON_TO_SAT));
        assertEquals(EIGHT, schedule.slotTimes("doc4", MONDAY, MON_TO_SAT));
        assertEquals("schedule.leave.overlaps", assertThrows(BookingException.class,
                () -> schedule.withLeave(new Leave("doc3", TUESDAY, TUESDAY.plusDays(3), "Again"))).getMessageKey());
        schedule.withLeave(new Leave("doc4", MONDAY, TUESDAY, "Another doctor"));
        assertEquals("schedule.leave.end_before_start", assertThrows(BookingException.class,
                () -> new Leave("doc3", TUESDAY, MONDAY, "Backwards")).getMessageKey());
        assertEquals("schedule.leave.reason_required", assertThrows(BookingException.class,
                () -> new Leave("doc3", MONDAY, TUESDAY, " ")).getMessageKey());
        assertEquals("schedule.leave.too_long", assertThrows(BookingException.class,
                () -> new Leave("doc3", MONDAY, MONDAY.plusYears(2), "Sabbatical")).getMessageKey());
    }

    @Test
    void anAppointmentCancelledForLeaveIsRefundedAndCanBeMovedOnce() {
        User patient = new User();
        patient.setId("p1");
        Doctor doctor = new Doctor();
        doctor.setId("doc3");
        java.time.Instant now = java.time.Instant.parse("2027-01-20T06:00:00Z");
        Appointment paid = Appointment.bookedAtDesk("a1", patient, doctor, MONDAY, "09:00 AM", null, now, "admin", true);
        Appointment cancelled = paid.cancelledForLeave("Conference", now, "admin");
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(PaymentStatus.REFUNDED, cancelled.getPaymentStatus());
        assertTrue(cancelled.isRebookOpen());
        Appointment replacement = cancelled.rebookedTo(doctor, TUESDAY, "10:00 AM", now, "p1");
        assertEquals(Appointment.rebookId("a1"), replacement.getId(), "the same id however often it is asked for");
        assertEquals(AppointmentStatus.CONFIRMED, replacement.getStatus());
        assertEquals(PaymentStatus.PENDING, replacement.getPaymentStatus());
        Appointment used = cancelled.rebooked(replacement.getId(), now, "p1");
        assertFalse(used.isRebookOpen());
        assertEquals("rebook.not_open", assertThrows(BookingException.class,
                () -> used.rebookedTo(doctor, TUESDAY, "11:00 AM", now, "p1")).getMessageKey());
        assertEquals("admin.refused.cancel", assertThrows(BookingException.class,
                () -> cancelled.cancelledForLeave("Again", now, "admin")).getMessageKey());
    }

    @Test
    void aDeactivatedDoctorHasNoSlotsUntilReactivated() {
        ClinicSchedule off = ClinicSchedule.EMPTY.withDoctorActive("doc8", false);
        assertFalse(off.isActive("doc8"));
        assertEquals(List.of(), off.slotTimes("doc8", MONDAY, MON_TO_SAT));
        assertEquals(EIGHT, off.slotTimes("doc7", MONDAY, MON_TO_SAT));
        assertEquals("schedule.doctor.inactive_already", assertThrows(BookingException.class,
                () -> off.withDoctorActive("doc8", false)).getMessageKey());
        ClinicSchedule back = off.withHoliday(new Holiday(TUESDAY, "Kept")).withDoctorActive("doc8", true);
        assertEquals(EIGHT, back.slotTimes("doc8", MONDAY, MON_TO_SAT));
        assertTrue(back.holiday(TUESDAY).isPresent(), "other parts of the schedule are kept");
        assertFalse(off.withHoliday(new Holiday(TUESDAY, "Kept")).isActive("doc8"), "and kept by other changes");
    }

    @Test
    void everyChangeIsKeptThroughTheChangesAfterIt() {
        Instant at = Instant.parse("2027-01-20T09:00:00Z");
        WeeklyPlan mornings = new WeeklyPlan(MONDAY, Map.of(DayOfWeek.MONDAY, hours("09:00", "12:00", 30, null, null),
                DayOfWeek.WEDNESDAY, hours("08:00", "17:00", 60, "13:00", "14:00")));
        ClinicSchedule schedule = ClinicSchedule.EMPTY
                .withPlan("doc1", mornings).recorded(ScheduleChange.planSet(at, "admin-1", "doc1", mornings))
                .withHoliday(new Holiday(TUESDAY, "Festival"))
                .recorded(ScheduleChange.holidayAdded(at, "admin-1", new Holiday(TUESDAY, "Festival")))
                .withDoctorActive("doc2", false).withoutHoliday(SUNDAY);
        assertEquals(List.of(ChangeType.PLAN_SET, ChangeType.HOLIDAY_ADDED),
                schedule.changes().stream().map(ScheduleChange::action).toList());
        assertEquals("from 2027-01-25: Mon 09:00–12:00 every 30 min; Wed 08:00–17:00 every 60 min (break 13:00–14:00)",
                schedule.changes().get(0).detail(), "a plan in words, days in week order");
        assertEquals("2027-01-26 Festival", schedule.changes().get(1).detail());
        assertTrue(ClinicSchedule.EMPTY.changes().isEmpty());
    }

    @Test
    void aDayWithoutSlotsSaysWhyHolidayFirstThenLeaveThenTheDoctorThenTheirWeek() {
        ClinicSchedule schedule = ClinicSchedule.of(List.of(new Holiday(TUESDAY, "Republic Day")), Map.of(),
                List.of(new Leave("doc2", MONDAY, TUESDAY, "Conference"))).withDoctorActive("doc3", false);
        assertEquals(java.util.Optional.of(new ClosedDay(ClosedDay.Why.HOLIDAY, "Republic Day")),
                schedule.closed("doc2", TUESDAY, MON_TO_SAT));
        assertEquals(java.util.Optional.of(new ClosedDay(ClosedDay.Why.LEAVE, "Conference")), schedule.closed("doc2", MONDAY, MON_TO_SAT));
        assertEquals(ClosedDay.Why.INACTIVE, schedule.closed("doc3", MONDAY, MON_TO_SAT).orElseThrow().why());
        assertEquals(ClosedDay.Why.NOT_WORKED, schedule.closed("doc1", SUNDAY, MON_TO_SAT).orElseThrow().why());
        assertEquals(java.util.Optional.empty(), schedule.closed("doc1", MONDAY, MON_TO_SAT), "a worked day is open");
    }
}
