package org.clinic.appointments.application;

/** One slot of a day as the booking page shows it. */
public record SlotView(String time, State state) implements java.io.Serializable {

    /** Free to book, taken by someone, or already begun (today only). */
    public enum State { FREE, TAKEN, PAST }

    public boolean isFree() {
        return state == State.FREE;
    }

    public String getTime() {
        return time;
    }

    public String getState() {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
