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
}
