package org.clinic.appointments.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.clinic.appointments.domain.DateLimits;

/** Reads a date typed in a filter or given in a URL: ISO {@code yyyy-mm-dd} within {@link DateLimits}. */
public final class DateParameter {

    private DateParameter() {
    }

    /**
     * The date, or null when none is given.
     *
     * @throws DateTimeException when the text is not a date or is outside the accepted range
     */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = LocalDate.parse(text.strip());
        if (!DateLimits.isWithin(date, LocalDate.now(ZoneOffset.UTC))) {
            throw new DateTimeException("Outside the accepted dates: " + date);
        }
        return date;
    }

    /** Whether both dates read and the first is after the last: a filter nothing can match. */
    public static boolean isInverted(String from, String to) {
        try {
            LocalDate first = parse(from);
            LocalDate last = parse(to);
            return first != null && last != null && first.isAfter(last);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
