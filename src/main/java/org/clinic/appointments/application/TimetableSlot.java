package org.clinic.appointments.application;

import java.io.Serializable;
import java.util.Set;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;

/**
 * One slot of a doctor's day as the admin timetable shows it: booked (with its appointment), held (waiting
 * for payment, with the seconds left), available, or past and unbooked.
 */
public record TimetableSlot(String time, Kind kind, Appointment appointment, long secondsLeft,
        Set<AdminAction> actions) implements Serializable {

    public enum Kind {
        BOOKED, HELD, AVAILABLE, PAST;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The hold's time left, in whole minutes rounded up. */
    public long minutesLeft() {
        return (secondsLeft + 59) / 60;
    }
}
