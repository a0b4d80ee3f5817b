package org.clinic.appointments.application;

import java.time.LocalDate;

/** One bookable day of a doctor: how many of its slots are taken, how many are still free, and its badge. */
public record DayAvailability(LocalDate date, int taken, int free, int total, Badge badge) implements java.io.Serializable {

    public boolean isBookable() {
        return free > 0;
    }

    /** A day the doctor works, free or full: a full one can be chosen to join its waitlist. */
    public boolean isWorking() {
        return total > 0;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getFree() {
        return free;
    }

    public String getBadge() {
        return badge.code();
    }
}
