package org.clinic.appointments.application;

/**
 * How full a doctor's day is: under 50 % of its working slots taken, 50–74 %, 75–99 %, nothing left, or no working
 * slot at all (a day off, a holiday).
 */
public enum Badge {
    NOT_AVAILABLE("not_available"),
    AVAILABLE("available"),
    FILLING_FAST("filling_fast"),
    ALMOST_FULL("almost_full"),
    FULL("full");

    private final String code;

    Badge(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The badge for a day with {@code taken} of {@code total} slots taken and {@code free} still bookable. */
    public static Badge of(int taken, int total, int free) {
        if (total == 0) {
            return NOT_AVAILABLE;
        }
        if (free == 0 || taken >= total) {
            return FULL;
        }
        int percent = taken * 100 / total;
        if (percent >= 75) {
            return ALMOST_FULL;
        }
        return percent >= 50 ? FILLING_FAST : AVAILABLE;
    }
}
