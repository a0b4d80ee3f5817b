package org.clinic.appointments.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A day the whole clinic is closed, e.g. 2027-01-26 Republic Day. */
public record Holiday(LocalDate date, String name) implements java.io.Serializable {

    public static final int NAME_MAX = 100;

    public Holiday {
        Objects.requireNonNull(date, "date");
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty()) {
            throw new BookingException("schedule.holiday.name_required");
        }
        FreeText.lineProblem(cleaned, NAME_MAX).ifPresent(problem -> {
            throw new BookingException("schedule.holiday.name_invalid", NAME_MAX);
        });
        name = cleaned;
    }
}
