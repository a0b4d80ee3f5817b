package org.clinic.appointments.domain;

import java.time.Instant;

/** Why an appointment moves to another patient's record: the only changes that alter its patient. */
public enum PatientMove {
    /** A walk-in's record merged into the same patient's account or other record. */
    MERGED(ChangeType.PATIENT_MERGED) {
        @Override
        public Appointment applied(Appointment current, User into, Instant now, String actor) {
            return current.patientMerged(into, now, actor);
        }
    },
    /** That merge undone: the appointment goes back to the walk-in's record it came from. */
    MERGE_UNDONE(ChangeType.PATIENT_MERGE_UNDONE) {
        @Override
        public Appointment applied(Appointment current, User into, Instant now, String actor) {
            return current.patientMergeUndone(into, now, actor);
        }
    };

    private final ChangeType changeType;

    PatientMove(ChangeType changeType) {
        this.changeType = changeType;
    }

    public ChangeType changeType() {
        return changeType;
    }

    /** {@code current} moved to {@code into}, with the history entry of this move. */
    public abstract Appointment applied(Appointment current, User into, Instant now, String actor);
}
