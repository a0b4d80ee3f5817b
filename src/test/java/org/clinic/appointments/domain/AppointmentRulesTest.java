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

/** The booking rules and an appointment's transitions: holds, payments, cancellation, rescheduling, expiry. */
class AppointmentRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final List<String> SLOTS = List.of("09:00 AM", "10:00 AM", "02:00 PM", "05:00 PM");
    private static final ClinicRules RULES = new ClinicRules(ZONE, SLOTS, 30, Duration.ofMinutes(15),
            Duration.ofHours(24), 3);
    /** 2026-11-24 12:00 in the clinic's zone. */
    private static final Instant NOW = LocalDate.of(2026, 11, 24).atTime(12, 0).atZone(ZONE).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static Appointment held(LocalDate date, String time) {
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha");
        patient.setEmail("asha@example.com");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. One");
        return Appointment.hold("a1", patient, doctor, date, time, "Check-up", NOW, RULES.holdExpiry(NOW));
    }

    private static PaymentOutcome outcome(PaymentMethod method, PaymentStatus status) {
        return new PaymentOutcome(method, status, "TXN1", "GPay", null, null);
    }

    @Test
    void slotsThatBeganBeyondTheHorizonOrAreNotOfferedCannotBeBooked() {
        assertEquals("booking.slot.past", RULES.bookingRefusal(TODAY, "10:00 AM", NOW).orElseThrow());
        assertEquals("booking.slot.past", RULES.bookingRefusal(TODAY.minusDays(1), "05:00 PM", NOW).orElseThrow());
        assertTrue(RULES.bookingRefusal(TODAY, "02:00 PM", NOW).isEmpty(), "later today is bookable");
        assertTrue(RULES.bookingRefusal(TODAY.plusDays(29), "09:00 AM", NOW).isEmpty(), "the 30th day is bookable");
        assertEquals("booking.slot.beyond_horizon", RULES.bookingRefusal(TODAY.plusDays(30), "09:00 AM", NOW).orElseThrow());
        assertEquals("booking.slot.unknown", RULES.bookingRefusal(TODAY.plusDays(1), "11:30 AM", NOW).orElseThrow());
        assertEquals("booking.slot.unknown", RULES.bookingRefusal(TODAY.plusDays(1), "<script>", NOW).orElseThrow());
        assertEquals("booking.slot.choose", RULES.bookingRefusal(null, "09:00 AM", NOW).orElseThrow());
        assertEquals(30, RULES.bookableDates(NOW).size());
        assertEquals(TODAY, RULES.bookableDates(NOW).get(0));
    }

    @Test
    void aBookingStillToComeTakesItsDoctorsCorrectedNameAndAnEndedOneKeepsItsOwn() {
        Doctor renamed = new Doctor();
        renamed.setId("doc1");
        renamed.setName("Dr. Onkar");
        Appointment hold = held(TODAY.plusDays(2), "09:00 AM");
        assertTrue(hold.lagsBehind(renamed));
        Appointment followed = hold.doctorDetailsChanged(renamed, NOW, "admin-1");
        assertEquals("Dr. Onkar", followed.getDoctorName());
        assertEquals(Appointment.DOCTOR_DETAILS, followed.getHistory().get(followed.getHistory().size() - 1).getAction());
        assertEquals(AppointmentStatus.PENDING_PAYMENT, followed.getStatus(), "nothing else changes");
        assertFalse(followed.lagsBehind(renamed));

        Appointment expired = hold.expired(RULES.holdExpiry(NOW).plusSeconds(1));
        assertFalse(expired.lagsBehind(renamed), "an ended booking keeps the name it had");
        assertEquals("Dr. One", expired.doctorDetailsChanged(renamed, NOW, "admin-1").getDoctorName());
        Doctor other = new Doctor();
        other.setId("doc2");
        other.setName("Dr. Two");
        assertFalse(hold.lagsBehind(other), "another doctor's name never enters it");
    }

    @Test
    void aNewAppointmentTakesTheNamesStoredForItsOwnPatientAndDoctorOnly() {
        User renamed = new User();
        renamed.setId("p1");
        renamed.setName("Asha Menon");
        renamed.setEmail("asha.menon@example.com");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. Onkar");
        Appointment hold = held(TODAY.plusDays(2), "09:00 AM");
        Appointment named = hold.namedAsStored(renamed, doctor);
        assertEquals(List.of("Asha Menon", "asha.menon@example.com", "Dr. Onkar"),
                List.of(named.getUserName(), named.getUserEmail(), named.getDoctorName()));
        assertEquals(hold.getHistory().size(), named.getHistory().size(), "not a change: it is how the booking is stored");

        User stranger = renamed.copy();
        stranger.setId("p2");
        Doctor otherDoctor = doctor.copy();
        otherDoctor.setId("doc2");
        Appointment untouched = hold.namedAsStored(stranger, otherDoctor);
        assertEquals(List.of("Asha", "asha@example.com", "Dr. One"),
                List.of(untouched.getUserName(), untouched.getUserEmail(), untouched.getDoctorName()));
        assertEquals("Asha", hold.namedAsStored(null, null).getUserName(), "a record not found changes nothing");
    }

    @Test
    void nonsensicalSettingsAreRefusedWithTheirReason() {
        assertThrows(IllegalArgumentException.class, () -> new ClinicRules(ZONE, List.of("25:00"), 30,
                Duration.ofMinutes(15), Duration.ofHours(24), 3));
        assertThrows(IllegalArgumentException.class, () -> new ClinicRules(ZONE, SLOTS, 0,
                Duration.ofMinutes(15), Duration.ofHours(24), 3));
        assertThrows(IllegalArgumentException.class, () -> new ClinicRules(ZONE, SLOTS, 30,
                Duration.ZERO, Duration.ofHours(24), 3));
    }

    @Test
    void anAppointmentChangedSinceAnInstantWhenItsHistoryHasAChangeAtOrAfterIt() {
        Appointment held = held(TODAY.plusDays(2), "09:00 AM");
        assertTrue(held.changedSince(NOW), "booked at that very instant");
        assertFalse(held.changedSince(NOW.plusMillis(1)));
        Appointment paid = held.paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), NOW.plusSeconds(60), "p1");
        assertTrue(paid.changedSince(NOW.plusSeconds(60)), "its payment is a change");
        assertFalse(paid.changedSince(NOW.plusSeconds(61)));
    }

    @Test
    void aSuccessfulPaymentConfirmsAndRecordsTheTransaction() {
        Appointment paid = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), NOW.plusSeconds(60), "p1");
        assertEquals(AppointmentStatus.CONFIRMED, paid.getStatus());
        assertEquals(PaymentStatus.SUCCESS, paid.getPaymentStatus());
        assertEquals("TXN1", paid.getTransactionId());
        assertEquals(NOW.plusSeconds(60), paid.getPaidAt());
        assertNull(paid.getHoldExpiresAt());
        HistoryEntry last = paid.getHistory().get(paid.getHistory().size() - 1);
        assertEquals("paid", last.getAction());
        assertEquals(AppointmentStatus.PENDING_PAYMENT, last.getFromStatus());
        assertEquals(AppointmentStatus.CONFIRMED, last.getToStatus());
    }

    @Test
    void aDeclinedPaymentCancelsAndFreesTheSlotAtOnce() {
        Appointment failed = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.CARD, PaymentStatus.FAILED), NOW, "p1");
        assertEquals(AppointmentStatus.CANCELLED, failed.getStatus());
        assertEquals(PaymentStatus.FAILED, failed.getPaymentStatus());
        assertFalse(failed.holdsSlot(NOW));
    }

    @Test
    void payAtClinicConfirmsWithThePaymentPending() {
        Appointment confirmed = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.PAY_AT_CLINIC, PaymentStatus.PENDING), NOW, "p1");
        assertEquals(AppointmentStatus.CONFIRMED, confirmed.getStatus());
        assertEquals(PaymentStatus.PENDING, confirmed.getPaymentStatus());
        assertNull(confirmed.getPaidAt());
    }

    @Test
    void onlyALivePendingAppointmentCanBePaid() {
        Appointment hold = held(TODAY.plusDays(2), "09:00 AM");
        Appointment paid = hold.paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), NOW, "p1");
        BookingException twice = assertThrows(BookingException.class,
                () -> paid.paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), NOW, "p1"));
        assertEquals("payment.refused.already_paid", twice.getMessageKey());

        Appointment cancelled = hold.cancelledByPatient(RULES, NOW, "p1");
        assertEquals("payment.refused.cancelled", assertThrows(BookingException.class,
                () -> cancelled.paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), NOW, "p1")).getMessageKey());

        Instant late = NOW.plus(Duration.ofMinutes(15));
        assertEquals("payment.refused.hold_expired", assertThrows(BookingException.class,
                () -> hold.paid(outcome(PaymentMethod.UPI, PaymentStatus.SUCCESS), late, "p1")).getMessageKey());
    }

    @Test
    void cancellingAPaidAppointmentRefundsItUntilTheCutOff() {
        Appointment paid = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.CARD, PaymentStatus.SUCCESS), NOW, "p1");
        Appointment cancelled = paid.cancelledByPatient(RULES, NOW, "p1");
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(PaymentStatus.REFUNDED, cancelled.getPaymentStatus());
        assertEquals(NOW, cancelled.getRefundedAt());
        assertFalse(cancelled.holdsSlot(NOW));

        Instant deadline = RULES.patientChangeDeadline(paid);
        assertTrue(RULES.patientChangeRefusal(paid, deadline).isEmpty(), "the deadline itself is still in time");
        BookingException late = assertThrows(BookingException.class,
                () -> paid.cancelledByPatient(RULES, deadline.plusSeconds(1), "p1"));
        assertEquals("appointment.change.too_late", late.getMessageKey());
        assertEquals(24L, late.getArguments()[0]);
        assertEquals("appointment.change.not_active", assertThrows(BookingException.class,
                () -> cancelled.cancelledByPatient(RULES, NOW, "p1")).getMessageKey());
    }

    @Test
    void payAtClinicCancelledStaysUnrefunded() {
        Appointment clinic = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.PAY_AT_CLINIC, PaymentStatus.PENDING), NOW, "p1");
        Appointment cancelled = clinic.cancelledByPatient(RULES, NOW, "p1");
        assertEquals(PaymentStatus.PENDING, cancelled.getPaymentStatus());
        assertNull(cancelled.getRefundedAt());
    }

    @Test
    void reschedulingMovesToAnotherOfferedFutureSlot() {
        Appointment paid = held(TODAY.plusDays(2), "09:00 AM")
                .paid(outcome(PaymentMethod.CARD, PaymentStatus.SUCCESS), NOW, "p1");
        Appointment moved = paid.rescheduled(TODAY.plusDays(5), "02:00 PM", RULES, NOW, "p1");
        assertEquals(TODAY.plusDays(5), moved.getDate());
        assertEquals("02:00 PM", moved.getTime());
        assertEquals(AppointmentStatus.CONFIRMED, moved.getStatus());
        assertEquals(PaymentStatus.SUCCESS, moved.getPaymentStatus());
        assertTrue(moved.getHistory().get(moved.getHistory().size() - 1).getNote().contains("09:00 AM"));
        assertEquals("appointment.reschedule.same_slot", assertThrows(BookingException.class,
                () -> paid.rescheduled(TODAY.plusDays(2), "09:00 AM", RULES, NOW, "p1")).getMessageKey());
        assertEquals("booking.slot.past", assertThrows(BookingException.class,
                () -> paid.rescheduled(TODAY, "09:00 AM", RULES, NOW, "p1")).getMessageKey());
        assertEquals("booking.slot.beyond_horizon", assertThrows(BookingException.class,
                () -> paid.rescheduled(TODAY.plusDays(40), "09:00 AM", RULES, NOW, "p1")).getMessageKey());
    }

    @Test
    void anExpiredHoldIsCancelledBySystem() {
        Appointment hold = held(TODAY.plusDays(2), "09:00 AM");
        assertThrows(IllegalStateException.class, () -> hold.expired(NOW));
        Instant later = NOW.plus(Duration.ofMinutes(15));
        assertTrue(hold.isHoldExpired(later));
        Appointment expired = hold.expired(later);
        assertEquals(AppointmentStatus.CANCELLED, expired.getStatus());
        HistoryEntry last = expired.getHistory().get(expired.getHistory().size() - 1);
        assertEquals("system", last.getActor());
        assertEquals("hold_expired", last.getAction());
    }

    @Test
    void anOldRecordWithAnUnreadableTimeStartsAtTheBeginningOfItsDay() {
        Appointment old = held(TODAY.plusDays(2), "9 o'clock");
        assertEquals(TODAY.plusDays(2).atStartOfDay(ZONE).toInstant(), RULES.startOf(old));
    }
}
