package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which admin action is allowed when, and what each one changes and records. */
class AdminActionRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final ClinicRules RULES = new ClinicRules(ZONE, List.of("09:00 AM", "02:00 PM"), 30,
            Duration.ofMinutes(15), Duration.ofHours(24), 3);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    /** When the appointment's slot (09:00 AM on DAY) begins. */
    private static final Instant START = DAY.atTime(9, 0).atZone(ZONE).toInstant();
    private static final Instant BEFORE = START.minus(Duration.ofDays(2));

    private static Appointment held() {
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha");
        patient.setEmail("asha@example.com");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. One");
        return Appointment.hold("a1", patient, doctor, DAY, "09:00 AM", "Check-up", BEFORE, RULES.holdExpiry(BEFORE));
    }

    private static Appointment paidBy(PaymentMethod method, PaymentStatus status) {
        return held().paid(new PaymentOutcome(method, status, "TXN1", null, null, null), BEFORE, "p1");
    }

    private static Appointment confirmedAndPaid() {
        return paidBy(PaymentMethod.CARD, PaymentStatus.SUCCESS);
    }

    private static Appointment payAtClinic() {
        return paidBy(PaymentMethod.PAY_AT_CLINIC, PaymentStatus.PENDING);
    }

    private static HistoryEntry last(Appointment a) {
        return a.getHistory().get(a.getHistory().size() - 1);
    }

    @Test
    void onlyPossibleActionsAreOffered() {
        assertEquals(EnumSet.of(AdminAction.CANCEL), AdminAction.allowedOn(held(), RULES, BEFORE));
        assertEquals(EnumSet.of(AdminAction.CANCEL, AdminAction.REFUND), AdminAction.allowedOn(confirmedAndPaid(), RULES, BEFORE));
        assertEquals(EnumSet.of(AdminAction.CANCEL, AdminAction.NO_SHOW, AdminAction.REFUND, AdminAction.ARRIVE),
                AdminAction.allowedOn(confirmedAndPaid(), RULES, START), "on its day it can also be checked in");
        assertEquals(EnumSet.of(AdminAction.CANCEL, AdminAction.MARK_PAID), AdminAction.allowedOn(payAtClinic(), RULES, BEFORE));
    }

    @Test
    void noShowOnlyAfterTheStartAndOnlyForAConfirmedAppointment() {
        assertEquals("admin.refused.no_show.not_started",
                AdminAction.NO_SHOW.refusal(confirmedAndPaid(), RULES, START.minusSeconds(1)));
        assertEquals("admin.refused.no_show.not_confirmed", AdminAction.NO_SHOW.refusal(held(), RULES, START));
        Appointment noShow = confirmedAndPaid().byAdmin(AdminAction.NO_SHOW, null, RULES, START.plusSeconds(600), "admin1");
        assertEquals(AppointmentStatus.NO_SHOW, noShow.getStatus());
        assertEquals(START.plusSeconds(600), noShow.getNoShowAt());
        assertEquals("no_show", last(noShow).getAction());
        assertEquals("admin1", last(noShow).getActor());
        BookingException twice = assertThrows(BookingException.class,
                () -> noShow.byAdmin(AdminAction.NO_SHOW, null, RULES, START.plusSeconds(700), "admin1"));
        assertEquals("admin.refused.no_show.not_confirmed", twice.getMessageKey());
    }

    @Test
    void refundOnlyOfASuccessfulPaymentAndOnlyOnce() {
        Appointment refunded = confirmedAndPaid().byAdmin(AdminAction.REFUND, "  Doctor on leave ", RULES, BEFORE, "admin1");
        assertEquals(PaymentStatus.REFUNDED, refunded.getPaymentStatus());
        assertEquals(AppointmentStatus.CONFIRMED, refunded.getStatus(), "a refund alone does not cancel");
        HistoryEntry refund = refunded.getHistory().get(refunded.getHistory().size() - 2);
        assertEquals("refunded", refund.getAction());
        assertEquals("Doctor on leave", refund.getNote());
        assertEquals(PaymentStatus.SUCCESS, refund.getFromPayment());
        assertEquals(PaymentStatus.REFUNDED, refund.getToPayment());
        assertEquals(List.of("TXN1"), ChargeReversals.owed(refunded), "the card's charge is for the gateway to give back");
        assertEquals("admin.refused.refund.already", AdminAction.REFUND.refusal(refunded, RULES, BEFORE));
        assertEquals("admin.refused.refund.not_paid", AdminAction.REFUND.refusal(payAtClinic(), RULES, BEFORE));
        assertEquals("admin.refused.refund.not_paid", AdminAction.REFUND.refusal(held(), RULES, BEFORE));
    }

    @Test
    void aPaymentTakenAtTheClinicIsRefundedAtTheDeskNotByTheGateway() {
        Appointment paidAtDesk = payAtClinic().byAdmin(AdminAction.MARK_PAID, null, RULES, BEFORE, "admin1");
        Appointment refunded = paidAtDesk.byAdmin(AdminAction.REFUND, null, RULES, BEFORE, "admin1");
        assertEquals(PaymentStatus.REFUNDED, refunded.getPaymentStatus());
        assertEquals("refunded", last(refunded).getAction());
        assertTrue(ChargeReversals.owed(refunded).isEmpty());
    }

    @Test
    void markPaidOnlyForAPendingPayAtClinicPayment() {
        Appointment paid = payAtClinic().byAdmin(AdminAction.MARK_PAID, null, RULES, START, "admin1");
        assertEquals(PaymentStatus.SUCCESS, paid.getPaymentStatus());
        assertEquals(START, paid.getPaidAt());
        assertNull(last(paid).getNote());
        assertEquals("admin.refused.mark_paid.not_clinic_pending", AdminAction.MARK_PAID.refusal(paid, RULES, START));
        assertEquals("admin.refused.mark_paid.not_clinic_pending",
                AdminAction.MARK_PAID.refusal(confirmedAndPaid(), RULES, START));
        Appointment cancelled = payAtClinic().byAdmin(AdminAction.CANCEL, null, RULES, BEFORE, "admin1");
        assertEquals("admin.refused.mark_paid.not_confirmed", AdminAction.MARK_PAID.refusal(cancelled, RULES, BEFORE));
    }

    @Test
    void cancelFreesTheSlotAtOnceAndCannotBeRepeated() {
        Appointment cancelled = confirmedAndPaid().byAdmin(AdminAction.CANCEL, "Patient called", RULES, BEFORE, "admin1");
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(false, cancelled.holdsSlot(BEFORE));
        assertEquals(PaymentStatus.SUCCESS, cancelled.getPaymentStatus(), "refund is a separate action");
        assertEquals(EnumSet.of(AdminAction.REFUND), AdminAction.allowedOn(cancelled, RULES, BEFORE));
        assertEquals("admin.refused.cancel", AdminAction.CANCEL.refusal(cancelled, RULES, BEFORE));
        assertEquals(AppointmentStatus.CONFIRMED, last(cancelled).getFromStatus());
        assertEquals(AppointmentStatus.CANCELLED, last(cancelled).getToStatus());
    }

    @Test
    void aRefusedActionOrAnOverlongNoteChangesNothing() {
        Appointment original = held();
        int historySize = original.getHistory().size();
        assertThrows(BookingException.class, () -> original.byAdmin(AdminAction.REFUND, null, RULES, BEFORE, "admin1"));
        BookingException tooLong = assertThrows(BookingException.class,
                () -> original.byAdmin(AdminAction.CANCEL, "x".repeat(Appointment.NOTE_MAX + 1), RULES, BEFORE, "admin1"));
        assertEquals("admin.note.too_long", tooLong.getMessageKey());
        assertEquals(AppointmentStatus.PENDING_PAYMENT, original.getStatus());
        assertEquals(historySize, original.getHistory().size());
    }

    @Test
    void onItsDayAConfirmedAppointmentIsCheckedInThenCompleted() {
        Appointment confirmed = payAtClinic();
        Instant morning = DAY.atTime(7, 0).atZone(ZONE).toInstant();
        assertEquals("admin.refused.arrive.not_today", AdminAction.ARRIVE.refusal(confirmed, RULES, BEFORE));
        assertEquals("admin.refused.arrive.not_confirmed", AdminAction.ARRIVE.refusal(held(), RULES, morning));
        assertEquals("admin.refused.complete.not_arrived", AdminAction.COMPLETE.refusal(confirmed, RULES, morning));

        Appointment arrived = confirmed.byAdmin(AdminAction.ARRIVE, null, RULES, morning, "admin-1");
        assertEquals(AppointmentStatus.ARRIVED, arrived.getStatus());
        assertEquals("arrived", last(arrived).getAction());
        assertEquals("admin-1", last(arrived).getActor());
        assertEquals(EnumSet.of(AdminAction.MARK_PAID, AdminAction.COMPLETE), AdminAction.allowedOn(arrived, RULES, morning),
                "arrived: no cancel or no-show any more; paying at the clinic still");
        assertTrue(arrived.holdsSlot(morning), "the slot stays taken");

        Appointment completed = arrived.byAdmin(AdminAction.COMPLETE, "Seen", RULES, START.plusSeconds(1800), "admin-1");
        assertEquals(AppointmentStatus.COMPLETED, completed.getStatus());
        assertEquals(EnumSet.of(AdminAction.MARK_PAID), AdminAction.allowedOn(completed, RULES, START.plusSeconds(1800)));
        assertTrue(completed.holdsSlot(START.plusSeconds(1800)));
        assertEquals("payment.refused.already_paid", completed.paymentRefusal(START));
    }

    @Test
    void theClinicMovesAnAppointmentPastThePatientsCutOffButOnlyToAWorkedSlotAhead() {
        Appointment confirmed = payAtClinic();
        Instant lateForThePatient = START.minus(Duration.ofHours(2));
        assertEquals("appointment.change.too_late", assertThrows(BookingException.class,
                () -> confirmed.rescheduled(DAY, "02:00 PM", RULES, lateForThePatient, "p1")).getMessageKey());
        Appointment moved = confirmed.movedByClinic(DAY, "02:00 PM", List.of("09:00 AM", "02:00 PM"), RULES,
                lateForThePatient, "admin-1");
        assertEquals("02:00 PM", moved.getTime());
        assertEquals("admin-1", last(moved).getActor());
        assertEquals("booking.slot.unknown", assertThrows(BookingException.class,
                () -> confirmed.movedByClinic(DAY, "03:00 PM", List.of("09:00 AM", "02:00 PM"), RULES, lateForThePatient,
                        "admin-1")).getMessageKey());
        assertEquals("booking.slot.not_working", assertThrows(BookingException.class,
                () -> confirmed.movedByClinic(DAY, "02:00 PM", List.of(), RULES, lateForThePatient, "admin-1")).getMessageKey());
        Appointment arrived = confirmed.byAdmin(AdminAction.ARRIVE, null, RULES, lateForThePatient, "admin-1");
        assertEquals("appointment.change.not_active", assertThrows(BookingException.class,
                () -> arrived.movedByClinic(DAY, "02:00 PM", List.of("02:00 PM"), RULES, lateForThePatient, "admin-1"))
                .getMessageKey());
    }
}
