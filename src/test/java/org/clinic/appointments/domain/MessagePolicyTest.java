package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which change causes which message to the patient, and how a message's sending is recorded. */
class MessagePolicyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final ClinicRules RULES = new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM"), 30,
            Duration.ofMinutes(15), Duration.ofHours(24), 3);
    private static final Instant NOW = LocalDate.of(2026, 11, 24).atTime(12, 0).atZone(ZONE).toInstant();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static Appointment held(String email) {
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha");
        patient.setEmail(email);
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. One");
        return MessagePolicy.queued(null, Appointment.hold("a1", patient, doctor, DAY, "09:00 AM", "Check-up", NOW,
                RULES.holdExpiry(NOW)), NOW);
    }

    private static Appointment changed(Appointment before, Appointment after) {
        return MessagePolicy.queued(before, after, NOW);
    }

    private static List<MessageKind> kinds(Appointment a) {
        return a.getMessages().stream().map(OutboxMessage::getKind).toList();
    }

    @Test
    void aHoldSaysNothingAPaymentConfirmsAndReceivesAndEachChangeSaysItsOwn() {
        Appointment hold = held("asha@example.com");
        assertEquals(List.of(), kinds(hold), "a hold is not a booking yet");

        Appointment paid = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.CARD, PaymentStatus.SUCCESS, "T1",
                "Visa", "Visa", "4242"), NOW, "p1"));
        assertEquals(List.of(MessageKind.BOOKING_CONFIRMED, MessageKind.PAYMENT_RECEIVED), kinds(paid));
        assertEquals("a1.2.booking_confirmed", paid.getMessages().get(0).getId(), "the change's number and the kind");
        assertEquals("a1.2.payment_received", paid.getMessages().get(1).getId());
        assertEquals("asha@example.com", paid.getMessages().get(0).getRecipient());

        Appointment moved = changed(paid, paid.rescheduled(DAY.plusDays(1), "10:00 AM", RULES, NOW, "p1"));
        assertEquals(MessageKind.RESCHEDULED, kinds(moved).get(2));
        Appointment movedAgain = changed(moved, moved.rescheduled(DAY.plusDays(2), "09:00 AM", RULES, NOW, "p1"));
        assertEquals(3, movedAgain.getMessages().size(), "the latest move replaces the one still waiting");
        assertTrue(movedAgain.getMessages().get(2).getId().startsWith("a1.4."));

        Appointment cancelled = changed(movedAgain, movedAgain.cancelledByPatient(RULES, NOW, "p1"));
        assertEquals(List.of(MessageKind.CANCELLED_BY_PATIENT, MessageKind.REFUND_ISSUED), kinds(cancelled).subList(3, 5));
    }

    @Test
    void theClinicsCancellationAndLeaveSayWhoCancelled() {
        Appointment hold = held("asha@example.com");
        Appointment atClinic = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T2", null, null, null), NOW, "p1"));
        assertEquals(List.of(MessageKind.BOOKING_CONFIRMED), kinds(atClinic), "nothing paid yet");
        Appointment byClinic = changed(atClinic, atClinic.byAdmin(AdminAction.CANCEL, "Doctor called in sick", RULES,
                NOW, "admin-1"));
        assertEquals(MessageKind.CANCELLED_BY_CLINIC, kinds(byClinic).get(1));
        Appointment forLeave = changed(atClinic, atClinic.cancelledForLeave("Conference", NOW, "admin-1"));
        assertEquals(MessageKind.CANCELLED_FOR_LEAVE, kinds(forLeave).get(1));
    }

    @Test
    void aWalkInWithoutAnAddressGetsNoMessage() {
        Appointment hold = held("walk-in-123@walk-in.invalid");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T3", null, null, null), NOW, "p1"));
        assertTrue(confirmed.getMessages().isEmpty());
    }

    @Test
    void aSentMessageIsInTheHistoryAndIsNotSentAgain() {
        Appointment hold = held("asha@example.com");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T4", null, null, null), NOW, "p1"));
        assertTrue(confirmed.getMessages().get(0).isDue(NOW));

        String id = confirmed.getMessages().get(0).getId();
        Appointment failed = confirmed.messageFailed(id, "Connection refused", NOW.plusSeconds(60), NOW, "system");
        OutboxMessage retry = failed.getMessages().get(0);
        assertEquals(1, retry.getAttempts());
        assertEquals("Connection refused", retry.getLastError());
        assertFalse(retry.isDue(NOW), "waits before the next attempt");
        assertTrue(retry.isDue(NOW.plusSeconds(60)));
        assertEquals("message_failed", last(failed).getAction());
        assertTrue(confirmed.getMessages().get(0).isDue(NOW), "the stored record is not changed in place");

        Appointment sent = failed.messageSent(id, NOW.plusSeconds(61), "system");
        assertFalse(sent.hasPendingMessage(), "a delivered message leaves the outbox");
        assertEquals("message_sent", last(sent).getAction());
        assertEquals("booking_confirmed", last(sent).getNote());
        assertEquals(sent.getHistory().size(), sent.messageSent(id, NOW, "system").getHistory().size(),
                "a second delivery report changes nothing");

        Appointment gaveUp = confirmed.messageFailed(id, "550 no such user", null, NOW, "system");
        assertFalse(gaveUp.hasPendingMessage());
        assertEquals("message_gave_up", last(gaveUp).getAction());
        assertEquals("booking_confirmed: 550 no such user", last(gaveUp).getNote());
    }

    @Test
    void aReminderIsDueAtItsLeadOnceAndOnlyTheNearestWhenSeveralAre() {
        Appointment hold = held("asha@example.com");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T5", null, null, null), NOW, "p1"));
        Instant start = NOW.plus(Duration.ofHours(30));
        List<Duration> leads = List.of(Duration.ofHours(24), Duration.ofHours(2));
        assertTrue(MessagePolicy.dueReminder(confirmed, start, leads, NOW).isEmpty(), "30 hours ahead: none yet");
        Instant dayBefore = start.minus(Duration.ofHours(23));
        assertEquals(Duration.ofHours(24), MessagePolicy.dueReminder(confirmed, start, leads, dayBefore).orElseThrow());
        Appointment reminded = confirmed.reminderQueued(Duration.ofHours(24), dayBefore, "system");
        assertEquals(MessageKind.REMINDER, reminded.getMessages().get(reminded.getMessages().size() - 1).getKind());
        assertTrue(MessagePolicy.dueReminder(reminded, start, leads, dayBefore.plusSeconds(60)).isEmpty(), "once");
        Instant twoHoursBefore = start.minus(Duration.ofMinutes(90));
        assertEquals(Duration.ofHours(2), MessagePolicy.dueReminder(reminded, start, leads, twoHoursBefore).orElseThrow());
        assertEquals(Duration.ofHours(2), MessagePolicy.dueReminder(confirmed, start, leads, twoHoursBefore).orElseThrow(),
                "booked late: only the nearest reminder");
        assertTrue(MessagePolicy.dueReminder(confirmed, start, leads, start).isEmpty(), "none once the visit begins");
        assertTrue(MessagePolicy.dueReminder(hold, start, leads, twoHoursBefore).isEmpty(), "none for an unpaid hold");
    }

    @Test
    void aMovedVisitIsRemindedOfItsNewTimeEvenWhenTheOldOneWasReminded() {
        Appointment hold = held("asha@example.com");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T6", null, null, null), NOW, "p1"));
        List<Duration> leads = List.of(Duration.ofHours(24));
        Instant start = NOW.plus(Duration.ofHours(20));
        Appointment reminded = confirmed.reminderQueued(Duration.ofHours(24), NOW, "system");
        assertTrue(MessagePolicy.dueReminder(reminded, start, leads, NOW.plusSeconds(60)).isEmpty(), "reminded once");

        Appointment moved = changed(reminded, reminded.rescheduled(DAY.plusDays(1), "10:00 AM", RULES, NOW, "p1"));
        Instant newStart = start.plus(Duration.ofDays(2));
        assertTrue(MessagePolicy.dueReminder(moved, newStart, leads, NOW.plusSeconds(60)).isEmpty(),
                "the new time is not within the lead yet");
        Instant dayBeforeTheNewTime = newStart.minus(Duration.ofHours(23));
        assertEquals(Duration.ofHours(24), MessagePolicy.dueReminder(moved, newStart, leads, dayBeforeTheNewTime)
                .orElseThrow(), "the new time gets its own reminder");
        Appointment remindedAgain = moved.reminderQueued(Duration.ofHours(24), dayBeforeTheNewTime, "system");
        assertTrue(MessagePolicy.dueReminder(remindedAgain, newStart, leads, dayBeforeTheNewTime.plusSeconds(60))
                .isEmpty(), "and only one");
    }

    @Test
    void aConfirmedVisitFollowsItsPatientsNewAddressAndNameIncludingTheMessageStillWaiting() {
        Appointment hold = held("asha@example.com");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.PAY_AT_CLINIC,
                PaymentStatus.PENDING, "T5", null, null, null), NOW, "p1"));
        User now = new User();
        now.setId("p1");
        now.setName("Asha Rao");
        now.setEmail("asha.rao@example.com");
        assertTrue(confirmed.lagsBehind(now));

        Appointment followed = changed(confirmed, confirmed.patientDetailsChanged(now, NOW, "p1"));
        assertEquals("Asha Rao", followed.getUserName());
        assertEquals("asha.rao@example.com", followed.getUserEmail());
        assertEquals("asha.rao@example.com", followed.getMessages().get(0).getRecipient(),
                "the confirmation still waiting goes to the address in use");
        assertEquals("a1.2.booking_confirmed", followed.getMessages().get(0).getId(), "the same message, not a new one");
        assertEquals(List.of(MessageKind.BOOKING_CONFIRMED), kinds(followed), "the change itself sends nothing");
        assertEquals(Appointment.PATIENT_DETAILS, last(followed).getAction());
        assertEquals("p1", last(followed).getActor());
        assertFalse(followed.lagsBehind(now));

        Instant dayBefore = DAY.atTime(9, 30).atZone(ZONE).minusDays(1).toInstant();
        assertEquals("asha.rao@example.com", followed.reminderQueued(Duration.ofHours(24), dayBefore, "system")
                .getMessages().get(1).getRecipient(), "and so do its reminders");
    }

    @Test
    void aVisitOverAndDoneKeepsTheNameItWasBookedUnder() {
        Appointment hold = held("asha@example.com");
        Appointment confirmed = changed(hold, hold.paid(new PaymentOutcome(PaymentMethod.CARD, PaymentStatus.SUCCESS,
                "T6", "Visa", "Visa", "4242"), NOW, "p1"));
        Appointment completed = confirmed.byAdmin(AdminAction.ARRIVE, null, RULES, DAY.atTime(9, 5).atZone(ZONE)
                .toInstant(), "admin-1").byAdmin(AdminAction.COMPLETE, null, RULES, DAY.atTime(9, 40).atZone(ZONE)
                .toInstant(), "admin-1").messageSent("a1.2.booking_confirmed", NOW, "system")
                .messageSent("a1.2.payment_received", NOW, "system");
        User renamed = new User();
        renamed.setId("p1");
        renamed.setName("Asha Rao");
        renamed.setEmail("asha@example.com");
        assertFalse(completed.lagsBehind(renamed));
        assertEquals("Asha", completed.patientDetailsChanged(renamed, NOW, "p1").getUserName());
        User someoneElse = new User();
        someoneElse.setId("p2");
        someoneElse.setName("Ravi");
        someoneElse.setEmail("ravi@example.com");
        assertFalse(confirmed.lagsBehind(someoneElse), "another patient's details never enter it");
    }

    private static HistoryEntry last(Appointment a) {
        return a.getHistory().get(a.getHistory().size() - 1);
    }
}
