package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.User;

/**
 * One line of the journal: a change, the new state of the record it touches and, for an appointment, the history
 * entries this change added ({@code historyAdded}) instead of its whole history. A change that rewrites earlier
 * history, and every line of earlier versions, carries the whole record with its history and no
 * {@code historyAdded}. A change of the schedule holds it the same way: its state, and the changes recorded by this
 * change ({@code scheduleChangesAdded}) instead of every earlier one.
 */
record JournalEntry(long seq, Instant at, String actor, String type, User user, Appointment appointment,
        List<HistoryEntry> historyAdded, ClinicSchedule schedule, ScheduleChangesAdded scheduleChangesAdded,
        Doctor doctor, List<String> specializations) {

    /** The changes a change of the schedule recorded, after the first {@code known} it had recorded before. */
    record ScheduleChangesAdded(int known, List<ScheduleChange> added) {

        ScheduleChangesAdded {
            added = List.copyOf(added);
        }

        /** The record of changes after these: the first {@code known} of {@code earlier}, then those added. */
        List<ScheduleChange> after(List<ScheduleChange> earlier) {
            List<ScheduleChange> changes = new ArrayList<>(earlier.subList(0, Math.min(known, earlier.size())));
            changes.addAll(added);
            return changes;
        }
    }

    JournalEntry(long seq, Instant at, String actor, String type, User user, Appointment appointment,
            List<HistoryEntry> historyAdded) {
        this(seq, at, actor, type, user, appointment, historyAdded, null, null, null, null);
    }

    /** A doctor's record as it is after the change (with its history: doctors change rarely). */
    static JournalEntry ofDoctor(long seq, Instant at, String actor, String type, Doctor doctor) {
        return new JournalEntry(seq, at, actor, type, null, null, null, null, null, doctor, null);
    }

    /** The clinic's list of specializations as it is after the change. */
    static JournalEntry ofSpecializations(long seq, Instant at, String actor, String type, List<String> specializations) {
        return new JournalEntry(seq, at, actor, type, null, null, null, null, null, null, List.copyOf(specializations));
    }

    static JournalEntry ofUser(long seq, Instant at, String actor, String type, User user) {
        return new JournalEntry(seq, at, actor, type, user, null, null);
    }

    /**
     * The change of the clinic's schedule {@code previous} into {@code next}: the line holds the schedule as it is
     * after the change and only the changes recorded since {@code previous}, or, when the record of changes was
     * rewritten, the whole schedule with all of them.
     */
    static JournalEntry ofSchedule(long seq, Instant at, String actor, String type, ClinicSchedule previous,
            ClinicSchedule next) {
        List<ScheduleChange> known = previous.changes();
        List<ScheduleChange> all = next.changes();
        boolean extendsPrevious = known.size() <= all.size() && all.subList(0, known.size()).equals(known);
        return new JournalEntry(seq, at, actor, type, null, null, null, next, extendsPrevious
                ? new ScheduleChangesAdded(known.size(), all.subList(known.size(), all.size())) : null, null, null);
    }

    /**
     * The schedule after this line's change, {@code earlier} being the schedule it is applied to: the one before the
     * change, or at start-up a {@code schedule.json} rewritten after this line was written (whose first changes are
     * the same). So replaying a line twice changes nothing.
     */
    ClinicSchedule scheduleAfter(ClinicSchedule earlier) {
        return scheduleChangesAdded == null ? schedule
                : schedule.withChanges(scheduleChangesAdded.after(earlier.changes()));
    }

    /** The change of {@code previous} (null for a new appointment) into {@code stored}. */
    static JournalEntry ofAppointment(long seq, Instant at, String actor, String type, Appointment previous,
            Appointment stored) {
        int known = previous == null ? 0 : previous.getHistory().size();
        List<HistoryEntry> history = stored.getHistory();
        boolean extendsPrevious = known <= history.size()
                && (previous == null || history.subList(0, known).equals(previous.getHistory()));
        return new JournalEntry(seq, at, actor, type, null, stored,
                extendsPrevious ? List.copyOf(history.subList(known, history.size())) : null);
    }

    /** Whether the line holds only the history entries its change added (false for a whole record). */
    boolean isDelta() {
        return historyAdded != null;
    }

    /** The change log's line: ids, type and states only, never names, e-mail addresses or reasons. */
    String changeLine() {
        JournalEntry entry = this;
        StringBuilder line = new StringBuilder("change seq=").append(entry.seq())
                .append(" type=").append(entry.type()).append(" actor=").append(entry.actor());
        if (entry.user() != null) {
            line.append(" user=").append(entry.user().getId()).append(" role=").append(entry.user().getRole().code());
        }
        if (entry.doctor() != null) {
            line.append(" doctor=").append(entry.doctor().getId());
        }
        Appointment a = entry.appointment();
        if (a != null) {
            line.append(" appointment=").append(a.getId()).append(" status=").append(a.getStatus().code());
            if (a.getPaymentStatus() != null) {
                line.append(" payment=").append(a.getPaymentStatus().code());
            }
        }
        return line.toString();
    }
}
