package org.clinic.appointments.domain;

import java.time.Instant;

/** One change of an appointment: who, when, what, and the states before and after. */
public class HistoryEntry implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private Instant at;
    private String actor;
    private String action;
    private AppointmentStatus fromStatus;
    private AppointmentStatus toStatus;
    private PaymentStatus fromPayment;
    private PaymentStatus toPayment;
    private String note;

    public HistoryEntry() {
    }

    public HistoryEntry(Instant at, String actor, String action, AppointmentStatus fromStatus,
            AppointmentStatus toStatus, PaymentStatus fromPayment, PaymentStatus toPayment, String note) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.fromPayment = fromPayment;
        this.toPayment = toPayment;
        this.note = note;
    }

    public Instant getAt() {
        return at;
    }

    public void setAt(Instant at) {
        this.at = at;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public AppointmentStatus getFromStatus() {
        return fromStatus;
    }

    public void setFromStatus(AppointmentStatus fromStatus) {
        this.fromStatus = fromStatus;
    }

    public AppointmentStatus getToStatus() {
        return toStatus;
    }

    public void setToStatus(AppointmentStatus toStatus) {
        this.toStatus = toStatus;
    }

    public PaymentStatus getFromPayment() {
        return fromPayment;
    }

    public void setFromPayment(PaymentStatus fromPayment) {
        this.fromPayment = fromPayment;
    }

    public PaymentStatus getToPayment() {
        return toPayment;
    }

    public void setToPayment(PaymentStatus toPayment) {
        this.toPayment = toPayment;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEntry entry && java.util.Objects.equals(at, entry.at)
                && java.util.Objects.equals(actor, entry.actor) && java.util.Objects.equals(action, entry.action)
                && fromStatus == entry.fromStatus && toStatus == entry.toStatus && fromPayment == entry.fromPayment
                && toPayment == entry.toPayment && java.util.Objects.equals(note, entry.note);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(at, actor, action, toStatus, toPayment);
    }
}
