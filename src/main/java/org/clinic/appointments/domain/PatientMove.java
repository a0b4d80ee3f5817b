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

        @Override
        public void requireAllowed(User from, User into) {
            if (from == null || from.mergedIntoId() == null) {
                throw new IllegalArgumentException("The record the appointment is on is not merged (any more)");
            }
        }
    },
    /** That merge undone: the appointment goes back to the walk-in's record it came from. */
    MERGE_UNDONE(ChangeType.PATIENT_MERGE_UNDONE) {
        @Override
        public Appointment applied(Appointment current, User into, Instant now, String actor) {
            return current.patientMergeUndone(into, now, actor);
        }

        @Override
        public void requireAllowed(User from, User into) {
            if (into.mergedIntoId() != null) {
                throw new IllegalArgumentException("The record the appointment goes back to is merged (again)");
            }
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

    /**
     * Refuses the move when the records, as stored now, no longer call for it: a merge's move from a record whose
     * merge was undone meanwhile, or a move back to a record merged again meanwhile.
     */
    public abstract void requireAllowed(User from, User into);
}
