package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A patient's room for a new hold, checked without a store: open holds and same-time clashes. */
class BookingLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final BookingLimits TWO_HOLDS = new BookingLimits(2);

    private static Appointment held(String id, String doctorId, String time, Instant expires) {
        User patient = new User();
        patient.setId("p1");
        patient.setEmail("p1@example.com");
        Doctor doctor = new Doctor();
        doctor.setId(doctorId);
        return Appointment.hold(id, patient, doctor, DAY, time, "Check-up", NOW.minusSeconds(60), expires);
    }

    private static Appointment confirmed(String id, String doctorId, String time) {
        Appointment a = held(id, doctorId, time, null);
        a.setStatus(AppointmentStatus.CONFIRMED);
        return a;
    }

    @Test
    void openHoldsAreLimitedButExpiredHoldsAndConfirmedBookingsDoNotCount() {
        Instant live = NOW.plus(Duration.ofMinutes(10));
        Appointment candidate = held("new", "doc3", "05:00 PM", live);
        List<Appointment> twoOpen = List.of(held("a", "doc1", "09:00 AM", live), held("b", "doc2", "10:00 AM", live));
        BookingException refused = assertThrows(BookingException.class,
                () -> TWO_HOLDS.requireRoomForHold(candidate, twoOpen, NOW));
        assertEquals("booking.holds.too_many", refused.getMessageKey());

        List<Appointment> oneExpired = List.of(held("a", "doc1", "09:00 AM", live),
                held("b", "doc2", "10:00 AM", NOW.minusSeconds(1)), confirmed("c", "doc2", "11:00 AM"));
        assertDoesNotThrow(() -> TWO_HOLDS.requireRoomForHold(candidate, oneExpired, NOW));
    }

    @Test
    void aPatientCannotHoldTwoAppointmentsAtTheSameTimeWithDifferentDoctors() {
        Appointment candidate = held("new", "doc2", "09:00 AM", NOW.plusSeconds(600));
        BookingException clash = assertThrows(BookingException.class,
                () -> TWO_HOLDS.requireRoomForHold(candidate, List.of(confirmed("a", "doc1", "09:00 AM")), NOW));
        assertEquals("booking.patient.same_time", clash.getMessageKey());

        Appointment cancelled = confirmed("a", "doc1", "09:00 AM");
        cancelled.setStatus(AppointmentStatus.CANCELLED);
        assertDoesNotThrow(() -> TWO_HOLDS.requireRoomForHold(candidate, List.of(cancelled), NOW));
        assertDoesNotThrow(() -> BookingLimits.requireNoClash(candidate, List.of(candidate), NOW),
                "an appointment does not clash with itself");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BookingLimits(0));
    }

    @Test
    void theVisitReasonIsRequiredKeptWholeAndNeverCut() {
        assertEquals("booking.reason.required", assertThrows(BookingException.class,
                () -> VisitReason.checked("  ")).getMessageKey());
        assertEquals("Fever\nand cough", VisitReason.checked(" Fever\r\nand cough "));
        String longest = "😀".repeat(VisitReason.MAX_LENGTH);
        assertEquals(longest, VisitReason.checked(longest));
        assertEquals("booking.reason.too_long", assertThrows(BookingException.class,
                () -> VisitReason.checked(longest + "a")).getMessageKey());
    }

    @Test
    void atTheFrontDeskTheReasonMayBeLeftOutButIsCheckedWhenGiven() {
        assertEquals("", VisitReason.optional(null));
        assertEquals("", VisitReason.optional(" \n "));
        assertEquals("Fever", VisitReason.optional(" Fever "));
        assertEquals("booking.reason.too_long", assertThrows(BookingException.class,
                () -> VisitReason.optional("a".repeat(VisitReason.MAX_LENGTH + 1))).getMessageKey());
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Kolkata");
    private static final BookingLimits CLINIC = new BookingLimits(3, 4, 2, 2, 3, 30, Duration.ofMinutes(10), ZONE);

    private static Appointment confirmedOn(String id, String doctorId, LocalDate date, String time) {
        Appointment a = confirmed(id, doctorId, time);
        a.setDate(date);
        return a;
    }

    @Test
    void oneAccountCannotHoardTheClinicsSlots() {
        Appointment candidate = held("new", "doc5", "09:00 AM", NOW.plusSeconds(600));
        candidate.setDate(DAY.plusDays(5));
        List<Appointment> four = List.of(confirmedOn("a", "doc1", DAY, "09:00 AM"),
                confirmedOn("b", "doc2", DAY.plusDays(1), "09:00 AM"), confirmedOn("c", "doc3", DAY.plusDays(2), "09:00 AM"),
                confirmedOn("d", "doc4", DAY.plusDays(3), "09:00 AM"));
        assertEquals("booking.limit.active", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForHold(candidate, four, NOW)).getMessageKey(), "Pay-at-Clinic bookings count");

        List<Appointment> threeAndAPastOne = List.of(four.get(0), four.get(1), four.get(2),
                confirmedOn("past", "doc4", DAY.minusDays(3), "09:00 AM"));
        assertDoesNotThrow(() -> CLINIC.requireRoomForHold(candidate, threeAndAPastOne, NOW),
                "an appointment that has taken place does not count");

        List<Appointment> twoWithDoc5 = List.of(confirmedOn("a", "doc5", DAY, "09:00 AM"),
                confirmedOn("b", "doc5", DAY.plusDays(1), "09:00 AM"));
        assertEquals("booking.limit.doctor", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForHold(candidate, twoWithDoc5, NOW)).getMessageKey());

        List<Appointment> twoThatDay = List.of(confirmedOn("a", "doc1", DAY.plusDays(5), "10:00 AM"),
                confirmedOn("b", "doc2", DAY.plusDays(5), "11:00 AM"));
        assertEquals("booking.limit.day", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForHold(candidate, twoThatDay, NOW)).getMessageKey());
        Appointment cancelled = confirmedOn("c", "doc3", DAY.plusDays(5), "02:00 PM");
        cancelled.setStatus(AppointmentStatus.CANCELLED);
        assertDoesNotThrow(() -> CLINIC.requireRoomForHold(candidate, List.of(twoThatDay.get(0), cancelled), NOW));

        Appointment moving = confirmedOn("m", "doc3", DAY.plusDays(1), "09:00 AM");
        assertEquals("booking.limit.day", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForMove(moving, DAY.plusDays(5), twoThatDay, NOW)).getMessageKey());
        assertDoesNotThrow(() -> CLINIC.requireRoomForMove(moving, DAY.plusDays(1), List.of(moving), NOW),
                "a move within its own day");
    }

    @Test
    void reschedulesPerAppointmentAndChangesPerAccountAreLimited() {
        Appointment a = confirmed("a", "doc1", "09:00 AM");
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> CLINIC.requireRescheduleAllowed(a));
            a.getHistory().add(new HistoryEntry(NOW, "p1", "rescheduled", AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CONFIRMED, null, null, null));
        }
        assertEquals("appointment.reschedule.limit", assertThrows(BookingException.class,
                () -> CLINIC.requireRescheduleAllowed(a)).getMessageKey());

        Appointment busy = confirmed("b", "doc2", "10:00 AM");
        for (int i = 0; i < 28; i++) {
            busy.getHistory().add(new HistoryEntry(NOW.minusSeconds(i * 10L), "p1", "cancelled", null, null, null, null,
                    null));
        }
        busy.getHistory().add(new HistoryEntry(NOW.minus(Duration.ofMinutes(11)), "p1", "booked", null, null, null,
                null, null));
        busy.getHistory().add(new HistoryEntry(NOW, "admin", "cancelled", null, null, null, null, null));
        assertDoesNotThrow(() -> CLINIC.requireChangeRate("p1", List.of(busy), NOW),
                "the booking and 28 cancellations in the window; older ones and the admin's do not count");
        busy.getHistory().add(new HistoryEntry(NOW, "p1", "rescheduled", null, null, null, null, null));
        assertEquals("account.changes.too_many", assertThrows(BookingException.class,
                () -> CLINIC.requireChangeRate("p1", List.of(busy), NOW)).getMessageKey());
    }

    @Test
    void aPatientsOwnChangeCountsTheirRateAndTheDayAMoveLandsOn() {
        assertEquals(List.of(true, false), List.of(CLINIC.limitsChangesBy("p1", "p1"), CLINIC.limitsChangesBy("admin", "p1")),
                "only the patient's own changes are counted");
        Appointment busy = confirmed("b", "doc2", "10:00 AM");
        for (int i = 0; i < 30; i++) {
            busy.getHistory().add(new HistoryEntry(NOW.minusSeconds(i), "p1", "cancelled", null, null, null, null, null));
        }
        Appointment same = busy.copy();
        assertEquals("account.changes.too_many", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForOwnChange(busy, same, List.of(busy), NOW)).getMessageKey());

        List<Appointment> twoThatDay = List.of(confirmedOn("x", "doc1", DAY.plusDays(5), "09:00 AM"),
                confirmedOn("y", "doc2", DAY.plusDays(5), "10:00 AM"));
        Appointment moving = confirmedOn("m", "doc3", DAY.plusDays(1), "09:00 AM");
        Appointment moved = moving.copy();
        moved.setDate(DAY.plusDays(5));
        assertEquals("booking.limit.day", assertThrows(BookingException.class,
                () -> CLINIC.requireRoomForOwnChange(moving, moved, twoThatDay, NOW)).getMessageKey());
        moved.setStatus(AppointmentStatus.CANCELLED);
        assertDoesNotThrow(() -> CLINIC.requireRoomForOwnChange(moving, moved, twoThatDay, NOW),
                "a change that lets the slot go takes no room");
    }

    @Test
    void theFrontDeskIsNotBoundByThePatientsLimitsButIsToldWhichOneItPasses() {
        Appointment candidate = held("new", "doc5", "09:00 AM", null);
        candidate.setDate(DAY.plusDays(5));
        List<Appointment> four = List.of(confirmedOn("a", "doc1", DAY, "09:00 AM"),
                confirmedOn("b", "doc2", DAY.plusDays(1), "09:00 AM"), confirmedOn("c", "doc3", DAY.plusDays(2), "09:00 AM"),
                confirmedOn("d", "doc4", DAY.plusDays(3), "09:00 AM"));
        assertDoesNotThrow(() -> CLINIC.atFrontDesk().requireRoomForHold(candidate, four, NOW));
        assertEquals("booking.limit.active", CLINIC.exceededBy(candidate, four, NOW).orElseThrow().getMessageKey());
        assertEquals(java.util.Optional.empty(), CLINIC.exceededBy(candidate, four.subList(0, 3), NOW));

        Appointment sameTime = confirmedOn("e", "doc1", DAY.plusDays(5), "09:00 AM");
        assertEquals("booking.patient.same_time", assertThrows(BookingException.class,
                () -> CLINIC.atFrontDesk().requireRoomForHold(candidate, List.of(sameTime), NOW)).getMessageKey(),
                "a patient is never in two places at once, whoever books");
    }

    @Test
    void aDeskBookingIsConfirmedAtOnceWithTheAdminAsActor() {
        User patient = new User();
        patient.setId("p1");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        Appointment paid = Appointment.bookedAtDesk("x", patient, doctor, DAY, "09:00 AM", null, NOW, "admin-1", true);
        assertEquals(AppointmentStatus.CONFIRMED, paid.getStatus());
        assertEquals(PaymentStatus.SUCCESS, paid.getPaymentStatus());
        assertEquals("admin-1", paid.getHistory().get(0).getActor());
        assertEquals(1, paid.getHistory().size());
        Appointment later = Appointment.bookedAtDesk("y", patient, doctor, DAY, "10:00 AM", null, NOW, "admin-1", false);
        assertEquals(PaymentStatus.PENDING, later.getPaymentStatus());
        assertEquals(PaymentMethod.PAY_AT_CLINIC, later.getPaymentMethod());
        assertEquals(java.util.Set.of(AdminAction.CANCEL, AdminAction.MARK_PAID),
                AdminAction.allowedOn(later, new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM"), 30, Duration.ofMinutes(15),
                        Duration.ofHours(24), 3), NOW), "the desk's later actions apply");
    }
}
