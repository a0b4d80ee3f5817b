package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which messages a change of an appointment causes: the store queues them on the appointment in the same write as
 * the change, so a change is never stored without its messages, nor a message without its change. A message
 * replaces one of its kind still waiting (the patient needs the latest time, not each step).
 */
public final class MessagePolicy {

    /** Addresses that receive no mail: walk-in patients without one. */
    private static final String NO_MAIL_DOMAIN = ".invalid";

    private MessagePolicy() {
    }

    /** {@code next} with the messages its change from {@code previous} (null: a new appointment) causes. */
    public static Appointment queued(Appointment previous, Appointment next, Instant now) {
        String to = next.getUserEmail();
        if (to == null || to.isBlank() || to.endsWith(NO_MAIL_DOMAIN)) {
            return next;
        }
        List<MessageKind> kinds = causedBy(previous, next);
        if (kinds.isEmpty()) {
            return next;
        }
        List<OutboxMessage> messages = new ArrayList<>(next.getMessages());
        int change = next.getHistory().size();
        for (MessageKind kind : kinds) {
            messages.removeIf(waiting -> waiting.getKind() == kind);
            messages.add(new OutboxMessage(next.getId() + "." + change + "." + kind.code(), kind, to, now));
        }
        next.setMessages(messages);
        return next;
    }

    /**
     * The reminder lead due now for a confirmed appointment starting at {@code start}: the shortest of the leads
     * whose time has come and that was not queued before; none when the visit has begun.
     */
    public static java.util.Optional<java.time.Duration> dueReminder(Appointment a, Instant start,
            List<java.time.Duration> leads, Instant now) {
        String to = a.getUserEmail();
        if (a.getStatus() != AppointmentStatus.CONFIRMED || !now.isBefore(start) || to == null
                || to.endsWith(NO_MAIL_DOMAIN)) {
            return java.util.Optional.empty();
        }
        return leads.stream().filter(lead -> !now.isBefore(start.minus(lead))).min(java.util.Comparator.naturalOrder())
                .filter(lead -> !a.hasReminder(lead));
    }

    static List<MessageKind> causedBy(Appointment previous, Appointment next) {
        List<MessageKind> kinds = new ArrayList<>(2);
        AppointmentStatus before = previous == null ? null : previous.getStatus();
        AppointmentStatus after = next.getStatus();
        if (previous == null && next.isWaitlistOffer()) {
            kinds.add(MessageKind.WAITLIST_OFFER);
        }
        if (after == AppointmentStatus.CONFIRMED && before != AppointmentStatus.CONFIRMED) {
            kinds.add(MessageKind.BOOKING_CONFIRMED);
        }
        if (previous != null && previous.getPaymentStatus() != PaymentStatus.SUCCESS
                && next.getPaymentStatus() == PaymentStatus.SUCCESS) {
            kinds.add(MessageKind.PAYMENT_RECEIVED);
        }
        if (before == AppointmentStatus.CONFIRMED && after == AppointmentStatus.CONFIRMED
                && (!previous.getDate().equals(next.getDate()) || !previous.getTime().equals(next.getTime()))) {
            kinds.add(MessageKind.RESCHEDULED);
        }
        if (before == AppointmentStatus.CONFIRMED && after == AppointmentStatus.CANCELLED) {
            kinds.add(cancellation(previous, next));
        }
        if (previous != null && previous.getPaymentStatus() != PaymentStatus.REFUNDED
                && next.getPaymentStatus() == PaymentStatus.REFUNDED) {
            kinds.add(MessageKind.REFUND_ISSUED);
        }
        return kinds;
    }

    private static MessageKind cancellation(Appointment previous, Appointment next) {
        if (previous.getRebookOfferedAt() == null && next.getRebookOfferedAt() != null) {
            return MessageKind.CANCELLED_FOR_LEAVE;
        }
        List<HistoryEntry> history = next.getHistory();
        String actor = history.isEmpty() ? null : history.get(history.size() - 1).getActor();
        return next.getUserId().equals(actor) ? MessageKind.CANCELLED_BY_PATIENT : MessageKind.CANCELLED_BY_CLINIC;
    }
}
