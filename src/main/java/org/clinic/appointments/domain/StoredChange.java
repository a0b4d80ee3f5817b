package org.clinic.appointments.domain;

import java.util.function.UnaryOperator;

/** What every store requires of a change to an appointment before it checks the slot and stores it. */
public final class StoredChange {

    private StoredChange() {
    }

    /**
     * {@code transition} applied to a copy of {@code current}, as stored now. It may not alter the appointment's id
     * or patient; a patient's own change ({@code ownBy}, else null) must be to an appointment of theirs.
     */
    public static Appointment next(Appointment current, String ownBy, UnaryOperator<Appointment> transition) {
        if (ownBy != null && !current.getUserId().equals(ownBy)) {
            throw new IllegalArgumentException("Appointment " + current.getId() + " is not " + ownBy + "'s own");
        }
        Appointment next = transition.apply(current.copy());
        if (!current.getId().equals(next.getId()) || !current.getUserId().equals(next.getUserId())) {
            throw new IllegalArgumentException("A change cannot alter an appointment's id or patient");
        }
        return next;
    }

    /**
     * {@code transition} applied to a copy of {@code current}, which must be {@code fromUserId}'s, moving it to
     * {@code intoUserId}: the one change that alters an appointment's patient (a walk-in's record merged into an
     * account). Its slot and id stay.
     */
    public static Appointment moved(Appointment current, String fromUserId, String intoUserId,
            UnaryOperator<Appointment> transition) {
        if (!current.getUserId().equals(fromUserId)) {
            throw new IllegalArgumentException("Appointment " + current.getId() + " is not " + fromUserId + "'s");
        }
        Appointment next = transition.apply(current.copy());
        if (!current.getId().equals(next.getId()) || !intoUserId.equals(next.getUserId())
                || !current.slot().equals(next.slot()) || current.getStatus() != next.getStatus()) {
            throw new IllegalArgumentException("A move to another patient alters nothing but the patient");
        }
        return next;
    }
}
