package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A booking of one doctor's slot by one patient, with its payment and its history.
 * Field names follow the earlier system's data schema.
 */
public class Appointment implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String userId;
    private String userEmail;
    private String userName;
    private String doctorId;
    private String doctorName;
    private LocalDate date;
    private String time;
    private String reason;
    private AppointmentStatus status;
    private Instant bookedAt;
    private Instant holdExpiresAt;
    private PaymentStatus paymentStatus;
    private PaymentMethod paymentMethod;
    private String paymentProvider;
    private String cardBrand;
    private String cardLast4;
    private BigDecimal amount;
    private String transactionId;
    private Instant paidAt;
    private Instant cancelledAt;
    private Instant noShowAt;
    private Instant refundedAt;
    /** When the clinic cancelled it for a doctor's leave and offered the patient to move it (once). */
    private Instant rebookOfferedAt;
    /** The appointment the patient moved this one to, when they took the offer. */
    private String rebookedAs;
    /** The waitlist place this appointment was offered from; null when the patient booked it themselves. */
    private String waitlistEntry;
    private List<HistoryEntry> history = new ArrayList<>();
    /** Messages to the patient about this appointment, queued by {@link MessagePolicy}; null when none. */
    private List<OutboxMessage> messages;
    /** Fields of a migrated record that this product does not use, kept as they were; null when there are none. */
    private Map<String, Object> otherFields;

    public Appointment() {
    }

    /** A new appointment in {@code pending_payment} that owns its slot until {@code holdExpiresAt}. */
    public static Appointment hold(String id, User patient, Doctor doctor, LocalDate date, String time,
            String reason, Instant now, Instant holdExpiresAt) {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(doctor, "doctor");
        Appointment appointment = new Appointment();
        appointment.id = Objects.requireNonNull(id, "id");
        appointment.userId = patient.getId();
        appointment.userEmail = patient.getEmail();
        appointment.userName = patient.getName();
        appointment.doctorId = doctor.getId();
        appointment.doctorName = doctor.getName();
        appointment.date = Objects.requireNonNull(date, "date");
        appointment.time = Objects.requireNonNull(time, "time");
        appointment.reason = reason;
        appointment.status = AppointmentStatus.PENDING_PAYMENT;
        appointment.bookedAt = now;
        appointment.holdExpiresAt = holdExpiresAt;
        appointment.history.add(new HistoryEntry(now, patient.getId(), "booked", null,
                AppointmentStatus.PENDING_PAYMENT, null, null, null));
        return appointment;
    }

    /**
     * A freed slot offered to the first patient waiting for it: held for them until {@code offerEnds}; paying
     * takes it, cancelling or letting it run out passes it on.
     */
    public static Appointment offered(String id, User patient, Doctor doctor, SlotKey slot, WaitRequest place,
            java.math.BigDecimal amount, Instant now, Instant offerEnds) {
        Appointment appointment = hold(id, patient, doctor, slot.date(), slot.time(), null, now, offerEnds);
        appointment.amount = amount;
        appointment.waitlistEntry = place.getId();
        appointment.history.clear();
        appointment.history.add(new HistoryEntry(now, "system", "waitlist_offered", null,
                AppointmentStatus.PENDING_PAYMENT, null, null, null));
        return appointment;
    }

    public boolean isWaitlistOffer() {
        return waitlistEntry != null;
    }

    public String getWaitlistEntry() {
        return waitlistEntry;
    }

    /** Whether this change let go of a slot someone on a waitlist may have: not a no-show, not a slot kept. */
    public boolean releasedSlot(Appointment previous, Instant now) {
        boolean held = previous != null && (previous.status == AppointmentStatus.CONFIRMED
                || previous.status == AppointmentStatus.PENDING_PAYMENT);
        return held && status != AppointmentStatus.NO_SHOW && (!holdsSlot(now) || !slot().equals(previous.slot()));
    }

    /**
     * Booked by an admin at the front desk for a patient on the phone or at the counter: confirmed at once, to be
     * paid at the clinic, or paid there already.
     */
    public static Appointment bookedAtDesk(String id, User patient, Doctor doctor, LocalDate date, String time,
            String reason, Instant now, String adminId, boolean paidNow) {
        Appointment appointment = hold(id, patient, doctor, date, time, reason, now, null);
        appointment.status = AppointmentStatus.CONFIRMED;
        appointment.paymentMethod = PaymentMethod.PAY_AT_CLINIC;
        appointment.paymentStatus = paidNow ? PaymentStatus.SUCCESS : PaymentStatus.PENDING;
        appointment.paidAt = paidNow ? now : null;
        appointment.history.clear();
        appointment.history.add(new HistoryEntry(now, Objects.requireNonNull(adminId, "adminId"), "booked", null,
                AppointmentStatus.CONFIRMED, null, appointment.paymentStatus, FRONT_DESK_NOTE));
        return appointment;
    }

    /** The history note of a booking made at the front desk. */
    public static final String FRONT_DESK_NOTE = "front desk";

    /** Whether this appointment keeps its slot from others at {@code now}: confirmed, or held and not expired. */
    public boolean holdsSlot(Instant now) {
        if (status.isBooked()) {
            return true;
        }
        return status == AppointmentStatus.PENDING_PAYMENT
                && (holdExpiresAt == null || holdExpiresAt.isAfter(now));
    }

    /** A pending appointment whose hold ran out: it no longer owns its slot and cannot be paid. */
    public boolean isHoldExpired(Instant now) {
        return status == AppointmentStatus.PENDING_PAYMENT && holdExpiresAt != null && !holdExpiresAt.isAfter(now);
    }

    /** Whether its history has a change at or after {@code since}: part of its patient's recent activity. */
    public boolean changedSince(Instant since) {
        return history != null && history.stream().anyMatch(h -> h.getAt() != null && !h.getAt().isBefore(since));
    }

    /** Why this appointment cannot be paid now (a message key), or null when it can. */
    public String paymentRefusal(Instant now) {
        return switch (status) {
            case CANCELLED -> endedByExpiry() ? "payment.refused.hold_expired" : "payment.refused.cancelled";
            case CONFIRMED, ARRIVED, COMPLETED -> "payment.refused.already_paid";
            case NO_SHOW -> "payment.refused.not_pending";
            case PENDING_PAYMENT -> isHoldExpired(now) ? "payment.refused.hold_expired" : null;
        };
    }

    private boolean endedByExpiry() {
        return history != null && !history.isEmpty()
                && "hold_expired".equals(history.get(history.size() - 1).getAction());
    }

    /** The gateway's answer applied: confirmed when paid or to be paid at the clinic, cancelled when declined. */
    public Appointment paid(PaymentOutcome outcome, Instant now, String actor) {
        String refusal = paymentRefusal(now);
        if (refusal != null) {
            throw new BookingException(refusal);
        }
        Appointment next = copy();
        next.paymentMethod = outcome.method();
        next.paymentStatus = outcome.status();
        next.paymentProvider = outcome.provider();
        next.cardBrand = outcome.cardBrand();
        next.cardLast4 = outcome.cardLast4();
        next.transactionId = outcome.transactionId();
        if (outcome.confirms()) {
            next.status = AppointmentStatus.CONFIRMED;
            next.holdExpiresAt = null;
            if (outcome.status() == PaymentStatus.SUCCESS) {
                next.paidAt = now;
            }
        } else {
            next.status = AppointmentStatus.CANCELLED;
            next.cancelledAt = now;
        }
        String action = switch (outcome.status()) {
            case SUCCESS -> "paid";
            case PENDING -> "pay_at_clinic";
            default -> "payment_failed";
        };
        return next.recorded(this, now, actor, action, outcome.method().code());
    }

    /**
     * Notes a charge for it that the gateway took but that was not recorded, given back as {@code reversal};
     * refused ("payment.reversal.noted") when the charge is already noted as given back.
     */
    public Appointment paymentReversed(String chargeId, String reversal, Instant now, String actor) {
        if (ChargeReversals.givenBack(this, chargeId)) {
            throw new BookingException("payment.reversal.noted");
        }
        return copy().recorded(this, now, actor, ChargeReversals.GIVEN_BACK,
                ChargeReversals.givenBackNote(chargeId, reversal));
    }

    /** Notes a charge for it that was not recorded and that the gateway could not give back yet. */
    public Appointment paymentReversalOwed(String chargeId, Instant now, String actor) {
        return copy().recorded(this, now, actor, ChargeReversals.OWED, chargeId);
    }

    /** Cancelled by its patient, refunded if it was paid; the slot is free at once. */
    public Appointment cancelledByPatient(ClinicRules rules, Instant now, String actor) {
        rules.patientChangeRefusal(this, now).ifPresent(key -> {
            throw new BookingException(key, rules.cancelCutoff().toHours());
        });
        Appointment next = copy();
        next.status = AppointmentStatus.CANCELLED;
        next.cancelledAt = now;
        next.holdExpiresAt = null;
        if (paymentStatus == PaymentStatus.SUCCESS) {
            next.paymentStatus = PaymentStatus.REFUNDED;
            next.refundedAt = now;
        }
        return next.recorded(this, now, actor, "cancelled", null).refundOwed(this, now, actor);
    }

    /**
     * Cancelled by the clinic because the doctor is on leave; refunded when it was paid; the patient is offered
     * to move it ({@link #rebookedAs}).
     */
    public Appointment cancelledForLeave(String reason, Instant now, String actor) {
        if (!status.holdsSlot() || status == AppointmentStatus.ARRIVED || status == AppointmentStatus.COMPLETED) {
            throw new BookingException("admin.refused.cancel");
        }
        Appointment next = copy();
        next.status = AppointmentStatus.CANCELLED;
        next.cancelledAt = now;
        next.holdExpiresAt = null;
        if (paymentStatus == PaymentStatus.SUCCESS) {
            next.paymentStatus = PaymentStatus.REFUNDED;
            next.refundedAt = now;
        }
        next.rebookOfferedAt = now;
        return next.recorded(this, now, actor, "cancelled", "Doctor on leave: " + reason).refundOwed(this, now, actor);
    }

    /** A hold given up for its patient (their account was suspended): cancelled, the slot free at once. */
    public Appointment holdReleased(String why, Instant now, String actor) {
        if (status != AppointmentStatus.PENDING_PAYMENT) {
            throw new BookingException("admin.refused.cancel");
        }
        Appointment next = copy();
        next.status = AppointmentStatus.CANCELLED;
        next.cancelledAt = now;
        next.holdExpiresAt = null;
        return next.recorded(this, now, actor, "cancelled", why);
    }

    /** Whether the patient may still take the offer to move this appointment cancelled for a doctor's leave. */
    public boolean isRebookOpen() {
        return rebookOfferedAt != null && rebookedAs == null && status == AppointmentStatus.CANCELLED;
    }

    /**
     * The new appointment the patient takes in place of this one (cancelled for leave): confirmed at once, to be
     * paid at the clinic (a payment was refunded with the cancellation). Its id follows from this one's, so the
     * offer can be taken once only.
     */
    public Appointment rebookedTo(Doctor doctor, LocalDate newDate, String newTime, Instant now, String actor) {
        if (!isRebookOpen()) {
            throw new BookingException("rebook.not_open");
        }
        User patient = new User();
        patient.setId(userId);
        patient.setEmail(userEmail);
        patient.setName(userName);
        Appointment next = hold(rebookId(id), patient, doctor, newDate, newTime, reason, now, null);
        next.status = AppointmentStatus.CONFIRMED;
        next.paymentMethod = PaymentMethod.PAY_AT_CLINIC;
        next.paymentStatus = PaymentStatus.PENDING;
        next.amount = amount;
        next.history.clear();
        next.history.add(new HistoryEntry(now, actor, "booked", null, AppointmentStatus.CONFIRMED, null,
                PaymentStatus.PENDING, "Moved from " + date + " " + time + " (doctor on leave)"));
        return next;
    }

    /** This appointment after its patient took the offer: it points to the new one. */
    public Appointment rebooked(String newId, Instant now, String actor) {
        if (!isRebookOpen()) {
            throw new BookingException("rebook.not_open");
        }
        Appointment next = copy();
        next.rebookedAs = newId;
        return next.recorded(this, now, actor, "rebooked", "to " + newId);
    }

    public static String rebookId(String cancelledId) {
        return java.util.UUID.nameUUIDFromBytes(("rebook:" + cancelledId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    public Instant getRebookOfferedAt() {
        return rebookOfferedAt;
    }

    public void setRebookOfferedAt(Instant rebookOfferedAt) {
        this.rebookOfferedAt = rebookOfferedAt;
    }

    public void setRebookedAs(String rebookedAs) {
        this.rebookedAs = rebookedAs;
    }

    public String getRebookedAs() {
        return rebookedAs;
    }

    /**
     * Moved by the clinic (the front desk, for a patient who phones): not bound by the patient's cut-off or their
     * limit of moves, only by the slot being worked, free (checked by the ledger in the same write) and ahead.
     */
    public Appointment movedByClinic(LocalDate newDate, String newTime, List<String> offered, ClinicRules rules,
            Instant now, String actor) {
        if (status != AppointmentStatus.PENDING_PAYMENT && status != AppointmentStatus.CONFIRMED) {
            throw new BookingException("appointment.change.not_active");
        }
        return movedTo(newDate, newTime, offered, rules, now, actor, " by the clinic");
    }

    /** Moved to another slot of the same doctor; the ledger checks that slot is free in the same write. */
    public Appointment rescheduled(LocalDate newDate, String newTime, ClinicRules rules, Instant now,
            String actor) {
        return rescheduled(newDate, newTime, rules.slotTimes(), rules, now, actor);
    }

    /** As above, onto a day whose worked slot times are {@code offered}. */
    public Appointment rescheduled(LocalDate newDate, String newTime, List<String> offered, ClinicRules rules,
            Instant now, String actor) {
        rules.patientChangeRefusal(this, now).ifPresent(key -> {
            throw new BookingException(key, rules.cancelCutoff().toHours());
        });
        return movedTo(newDate, newTime, offered, rules, now, actor, "");
    }

    private Appointment movedTo(LocalDate newDate, String newTime, List<String> offered, ClinicRules rules, Instant now,
            String actor, String noteSuffix) {
        rules.bookingRefusal(newDate, newTime, now, offered).ifPresent(key -> {
            throw new BookingException(key);
        });
        if (newDate.equals(date) && newTime.equals(time)) {
            throw new BookingException("appointment.reschedule.same_slot");
        }
        Appointment next = copy();
        next.date = newDate;
        next.time = newTime;
        return next.recorded(this, now, actor, RESCHEDULED,
                "from " + date + " " + time + " to " + newDate + " " + newTime + noteSuffix);
    }

    /** A hold that ran out, cancelled by the system; its slot was free from the moment it expired. */
    public Appointment expired(Instant now) {
        if (!isHoldExpired(now)) {
            throw new IllegalStateException("Appointment " + id + " has no expired hold");
        }
        Appointment next = copy();
        next.status = AppointmentStatus.CANCELLED;
        next.cancelledAt = now;
        return next.recorded(this, now, "system", "hold_expired", null);
    }

    /** The longest note an admin may add to an action. */
    public static final int NOTE_MAX = 500;

    /**
     * The appointment after an admin's action, with who, when and the optional note in its history; refused
     * with a {@link BookingException} when the action is not allowed now. Cancelling frees the slot at once;
     * it does not refund (that is its own action).
     */
    public Appointment byAdmin(AdminAction action, String note, ClinicRules rules, Instant now, String actor) {
        String refusal = action.refusal(this, rules, now);
        if (refusal != null) {
            throw new BookingException(refusal);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null) {
            FreeText.blockProblem(cleanNote, NOTE_MAX).ifPresent(problem -> {
                throw problem == FreeText.Problem.TOO_LONG ? new BookingException("admin.note.too_long", NOTE_MAX)
                        : new BookingException("admin.note.invalid");
            });
        }
        Appointment next = copy();
        switch (action) {
            case CANCEL -> {
                next.status = AppointmentStatus.CANCELLED;
                next.cancelledAt = now;
                next.holdExpiresAt = null;
            }
            case NO_SHOW -> {
                next.status = AppointmentStatus.NO_SHOW;
                next.noShowAt = now;
            }
            case REFUND -> {
                next.paymentStatus = PaymentStatus.REFUNDED;
                next.refundedAt = now;
            }
            case MARK_PAID -> {
                next.paymentStatus = PaymentStatus.SUCCESS;
                next.paidAt = now;
            }
            case ARRIVE -> next.status = AppointmentStatus.ARRIVED;
            case COMPLETE -> next.status = AppointmentStatus.COMPLETED;
        }
        return next.recorded(this, now, actor, action.historyAction(), cleanNote).refundOwed(this, now, actor);
    }

    /**
     * When this change refunds a charge the gateway took, notes the charge as owed back in the same change, so the
     * gateway is asked to give it back even after a crash ({@link ChargeReversals}). A payment at the clinic is given
     * back at the desk.
     */
    private Appointment refundOwed(Appointment before, Instant now, String actor) {
        if (before.paymentStatus == PaymentStatus.SUCCESS && paymentStatus == PaymentStatus.REFUNDED
                && before.paymentMethod != PaymentMethod.PAY_AT_CLINIC && before.transactionId != null) {
            history.add(new HistoryEntry(now, actor, ChargeReversals.OWED, status, status, paymentStatus,
                    paymentStatus, before.transactionId));
        }
        return this;
    }

    private Appointment recorded(Appointment before, Instant now, String actor, String action, String note) {
        history.add(new HistoryEntry(now, actor, action, before.status, status, before.paymentStatus,
                paymentStatus, note));
        return this;
    }

    public SlotKey slot() {
        return SlotKey.of(this);
    }

    public Appointment copy() {
        Appointment copy = new Appointment();
        copy.id = id;
        copy.userId = userId;
        copy.userEmail = userEmail;
        copy.userName = userName;
        copy.doctorId = doctorId;
        copy.doctorName = doctorName;
        copy.date = date;
        copy.time = time;
        copy.reason = reason;
        copy.status = status;
        copy.bookedAt = bookedAt;
        copy.holdExpiresAt = holdExpiresAt;
        copy.paymentStatus = paymentStatus;
        copy.paymentMethod = paymentMethod;
        copy.paymentProvider = paymentProvider;
        copy.cardBrand = cardBrand;
        copy.cardLast4 = cardLast4;
        copy.amount = amount;
        copy.transactionId = transactionId;
        copy.paidAt = paidAt;
        copy.cancelledAt = cancelledAt;
        copy.noShowAt = noShowAt;
        copy.refundedAt = refundedAt;
        copy.rebookOfferedAt = rebookOfferedAt;
        copy.rebookedAs = rebookedAs;
        copy.waitlistEntry = waitlistEntry;
        copy.history = new ArrayList<>(history == null ? List.of() : history);
        copy.messages = messages == null ? null : new ArrayList<>(messages.stream().map(OutboxMessage::copy).toList());
        copy.otherFields = otherFields;
        return copy;
    }

    /** The messages about this appointment, oldest first. */
    public List<OutboxMessage> getMessages() {
        return messages == null ? List.of() : java.util.Collections.unmodifiableList(messages);
    }

    void setMessages(List<OutboxMessage> messages) {
        this.messages = messages == null || messages.isEmpty() ? null : new ArrayList<>(messages);
    }

    /**
     * Whether the reminder of this lead was queued for the visit's present date and time (see
     * {@link MessagePolicy#dueReminder}): a reminder of the slot it was moved from does not count.
     */
    public boolean hasReminder(java.time.Duration lead) {
        String note = lead.toString();
        for (int i = history == null ? -1 : history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (RESCHEDULED.equals(entry.getAction())) {
                return false;
            }
            if (REMINDER_QUEUED.equals(entry.getAction()) && note.equals(entry.getNote())) {
                return true;
            }
        }
        return false;
    }

    /** This appointment with a reminder of the lead queued for its patient. */
    public Appointment reminderQueued(java.time.Duration lead, Instant now, String actor) {
        Appointment next = copy();
        List<OutboxMessage> queued = new ArrayList<>(next.getMessages());
        queued.removeIf(m -> m.getKind() == MessageKind.REMINDER);
        queued.add(new OutboxMessage(id + "." + getHistory().size() + "." + MessageKind.REMINDER.code(), MessageKind.REMINDER,
                userEmail, now));
        next.setMessages(queued);
        return next.recorded(this, now, actor, REMINDER_QUEUED, lead.toString());
    }

    /**
     * Whether this appointment should follow its patient's present name and address: it is still to come (held,
     * confirmed or under way) or a message about it waits, and it names the patient otherwise.
     */
    public boolean lagsBehind(User patient) {
        return isCurrent() && patient.getId().equals(userId)
                && (!Objects.equals(userName, patient.getName()) || !Objects.equals(userEmail, patient.getEmail()));
    }

    /** Whether this appointment, still to come, names its doctor otherwise than the doctor's record does now. */
    public boolean lagsBehind(Doctor doctor) {
        return isCurrent() && doctor.getId().equals(doctorId) && !Objects.equals(doctorName, doctor.getName());
    }

    private boolean isCurrent() {
        return status == AppointmentStatus.PENDING_PAYMENT || status == AppointmentStatus.CONFIRMED
                || status == AppointmentStatus.ARRIVED || hasPendingMessage();
    }

    /**
     * This appointment with its patient's present name and address (the clinic corrected them, or the patient
     * changed them): the pages show them, and its waiting messages and later reminders go to that address.
     */
    public Appointment patientDetailsChanged(User patient, Instant now, String actor) {
        Appointment next = copy();
        if (!lagsBehind(patient)) {
            return next;
        }
        next.userName = patient.getName();
        next.userEmail = patient.getEmail();
        if (next.messages != null && !Objects.equals(userEmail, next.userEmail)) {
            next.messages.replaceAll(waiting -> waiting.to(next.userEmail));
        }
        return next.recorded(this, now, actor, PATIENT_DETAILS, null);
    }

    /**
     * This appointment of a walk-in's record moved to {@code account}, the record the walk-in was merged into: it is
     * the account's from now on, and when still to come it names the account's holder and its waiting messages go to
     * the account's address (a past visit keeps the name it was booked under).
     */
    public Appointment patientMerged(User account, Instant now, String actor) {
        return movedTo(account, now, actor, PATIENT_MERGED);
    }

    /**
     * This appointment moved back to {@code walkIn}, the record it came from when that record's merge is undone; as
     * {@link #patientMerged}, the other way.
     */
    public Appointment patientMergeUndone(User walkIn, Instant now, String actor) {
        return movedTo(walkIn, now, actor, PATIENT_MERGE_UNDONE);
    }

    /** Whether it came to its patient from {@code recordId}, by that record's merge or through it. */
    public boolean cameFrom(String recordId) {
        String from = "from " + recordId;
        return history.stream().anyMatch(h -> PATIENT_MERGED.equals(h.getAction()) && from.equals(h.getNote()));
    }

    private Appointment movedTo(User patient, Instant now, String actor, String action) {
        if (patient.getId().equals(userId)) {
            return copy();
        }
        Appointment next = copy();
        next.userId = patient.getId();
        if (isCurrent()) {
            next.userName = patient.getName();
            next.userEmail = patient.getEmail();
            if (next.messages != null) {
                next.messages.replaceAll(waiting -> waiting.to(next.userEmail));
            }
        }
        return next.recorded(this, now, actor, action, "from " + userId);
    }

    /**
     * This new appointment naming its patient and doctor as their records are when it is stored: a hold built
     * from details read a moment earlier, or a move taken after the patient changed their address, names them as
     * they are, and its messages go to the address in use.
     */
    public Appointment namedAsStored(User patient, Doctor doctor) {
        Appointment next = copy();
        if (patient != null && patient.getId().equals(userId)) {
            next.userName = patient.getName();
            next.userEmail = patient.getEmail();
        }
        if (doctor != null && doctor.getId().equals(doctorId)) {
            next.doctorName = doctor.getName();
        }
        return next;
    }

    /** This appointment naming its doctor as the doctor's record does now (the clinic corrected the name). */
    public Appointment doctorDetailsChanged(Doctor doctor, Instant now, String actor) {
        Appointment next = copy();
        if (!lagsBehind(doctor)) {
            return next;
        }
        next.doctorName = doctor.getName();
        return next.recorded(this, now, actor, DOCTOR_DETAILS, null);
    }

    public static final String PATIENT_DETAILS = "patient_details";
    public static final String DOCTOR_DETAILS = "doctor_details";
    public static final String PATIENT_MERGED = "patient_merged";
    public static final String PATIENT_MERGE_UNDONE = "patient_merge_undone";
    private static final String REMINDER_QUEUED = "reminder_queued";
    private static final String RESCHEDULED = "rescheduled";

    /** Whether a message waits to be sent. */
    public boolean hasPendingMessage() {
        return messages != null && !messages.isEmpty();
    }

    /** This appointment with the message delivered: it leaves the outbox, and the delivery is in the history. */
    public Appointment messageSent(String messageId, Instant now, String actor) {
        Appointment next = copy();
        java.util.Optional<OutboxMessage> message = next.message(messageId);
        if (message.isEmpty()) {
            return next;
        }
        next.setMessages(next.messages.stream().filter(m -> !m.getId().equals(messageId)).toList());
        return next.recorded(this, now, actor, "message_sent", message.get().getKind().code());
    }

    /**
     * This appointment after a failed attempt to send the message: tried again at {@code retryAt}, or given up
     * (it leaves the outbox) when that is null; the attempt is in its history.
     */
    public Appointment messageFailed(String messageId, String error, Instant retryAt, Instant now, String actor) {
        Appointment next = copy();
        java.util.Optional<OutboxMessage> message = next.message(messageId);
        if (message.isEmpty()) {
            return next;
        }
        String cleanError = error == null ? "" : error.length() > 300 ? error.substring(0, 300) : error;
        message.get().failed(cleanError, retryAt);
        if (retryAt == null) {
            next.setMessages(next.messages.stream().filter(m -> !m.getId().equals(messageId)).toList());
        }
        return next.recorded(this, now, actor, retryAt == null ? "message_gave_up" : "message_failed",
                message.get().getKind().code() + ": " + cleanError);
    }

    private java.util.Optional<OutboxMessage> message(String messageId) {
        return getMessages().stream().filter(m -> m.getId().equals(messageId)).findFirst();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public void setUserEmail(String userEmail) {
        this.userEmail = userEmail;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(String doctorId) {
        this.doctorId = doctorId;
    }

    public String getDoctorName() {
        return doctorName;
    }

    public void setDoctorName(String doctorName) {
        this.doctorName = doctorName;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public void setStatus(AppointmentStatus status) {
        this.status = status;
    }

    public Instant getBookedAt() {
        return bookedAt;
    }

    public void setBookedAt(Instant bookedAt) {
        this.bookedAt = bookedAt;
    }

    public Instant getHoldExpiresAt() {
        return holdExpiresAt;
    }

    public void setHoldExpiresAt(Instant holdExpiresAt) {
        this.holdExpiresAt = holdExpiresAt;
    }

    public PaymentStatus getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(PaymentStatus paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getPaymentProvider() {
        return paymentProvider;
    }

    public void setPaymentProvider(String paymentProvider) {
        this.paymentProvider = paymentProvider;
    }

    public String getCardBrand() {
        return cardBrand;
    }

    public void setCardBrand(String cardBrand) {
        this.cardBrand = cardBrand;
    }

    public String getCardLast4() {
        return cardLast4;
    }

    public void setCardLast4(String cardLast4) {
        this.cardLast4 = cardLast4;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(Instant paidAt) {
        this.paidAt = paidAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public void setCancelledAt(Instant cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    public Instant getNoShowAt() {
        return noShowAt;
    }

    public void setNoShowAt(Instant noShowAt) {
        this.noShowAt = noShowAt;
    }

    public Instant getRefundedAt() {
        return refundedAt;
    }

    public void setRefundedAt(Instant refundedAt) {
        this.refundedAt = refundedAt;
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }

    public void setHistory(List<HistoryEntry> history) {
        this.history = history == null ? new ArrayList<>() : history;
    }

    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    public void setOtherFields(Map<String, Object> otherFields) {
        this.otherFields = otherFields == null || otherFields.isEmpty() ? null : otherFields;
    }
}
