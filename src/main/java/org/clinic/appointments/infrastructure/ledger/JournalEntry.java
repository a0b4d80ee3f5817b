package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;
import java.util.List;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.User;

/**
 * One line of the journal: a change, the new state of the record it touches and, for an appointment, the history
 * entries this change added ({@code historyAdded}) instead of its whole history. A change that rewrites earlier
 * history, and every line of earlier versions, carries the whole record with its history and no
 * {@code historyAdded}.
 */
record JournalEntry(long seq, Instant at, String actor, String type, User user, Appointment appointment,
        List<HistoryEntry> historyAdded, ClinicSchedule schedule, Doctor doctor, List<String> specializations) {

    JournalEntry(long seq, Instant at, String actor, String type, User user, Appointment appointment,
            List<HistoryEntry> historyAdded) {
        this(seq, at, actor, type, user, appointment, historyAdded, null, null, null);
    }

    /** A doctor's record as it is after the change (with its history: doctors change rarely). */
    static JournalEntry ofDoctor(long seq, Instant at, String actor, String type, Doctor doctor) {
        return new JournalEntry(seq, at, actor, type, null, null, null, null, doctor, null);
    }

    /** The clinic's list of specializations as it is after the change. */
    static JournalEntry ofSpecializations(long seq, Instant at, String actor, String type, List<String> specializations) {
        return new JournalEntry(seq, at, actor, type, null, null, null, null, null, List.copyOf(specializations));
    }

    static JournalEntry ofUser(long seq, Instant at, String actor, String type, User user) {
        return new JournalEntry(seq, at, actor, type, user, null, null);
    }

    /** A change of the clinic's schedule: the line holds the whole (small) schedule as it is after the change. */
    static JournalEntry ofSchedule(long seq, Instant at, String actor, String type, ClinicSchedule schedule) {
        return new JournalEntry(seq, at, actor, type, null, null, null, schedule, null, null);
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
