package org.clinic.appointments.it;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days as a reader of the pages sees them: {@code Tue 8 Dec 2026}. */
final class PageDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private PageDates() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
