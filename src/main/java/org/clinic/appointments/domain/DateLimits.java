package org.clinic.appointments.domain;

import java.time.LocalDate;

/**
 * The dates a filter, a timetable or a calendar may ask for: from 1900 to 100 years after today. Anything
 * outside is refused like an unreadable date, so no later arithmetic (the next day, the day's first instant)
 * can overflow. Booking dates have their own, narrower range: today to the horizon ({@link ClinicRules}).
 */
public final class DateLimits {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final int YEARS_AHEAD = 100;

    private DateLimits() {
    }

    public static boolean isWithin(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today.plusYears(YEARS_AHEAD));
    }
}
