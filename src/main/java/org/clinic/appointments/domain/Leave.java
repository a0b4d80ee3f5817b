package org.clinic.appointments.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A doctor away from {@code from} to {@code to} (both included), for a reason the patients are told. */
public record Leave(String doctorId, LocalDate from, LocalDate to, String reason) {

    public static final int REASON_MAX = 200;

    public Leave {
        Objects.requireNonNull(doctorId, "doctorId");
        if (from == null || to == null) {
            throw new BookingException("schedule.leave.dates_required");
        }
        if (to.isBefore(from)) {
            throw new BookingException("schedule.leave.end_before_start");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new BookingException("schedule.leave.too_long");
        }
        String cleaned = reason == null ? "" : reason.strip();
        if (cleaned.isEmpty()) {
            throw new BookingException("schedule.leave.reason_required");
        }
        FreeText.storedLineProblem(cleaned, REASON_MAX).ifPresent(problem -> {
            throw new BookingException("schedule.leave.reason_invalid", REASON_MAX);
        });
        reason = cleaned;
    }

    /** This leave as an admin typed it: its reason also follows the rules of typed text that stored leaves predate. */
    public Leave typed() {
        if (FreeText.lineProblem(reason, REASON_MAX).isPresent()) {
            throw new BookingException("text.control_character");
        }
        return this;
    }

    public boolean covers(String doctor, LocalDate date) {
        return doctorId.equals(doctor) && !date.isBefore(from) && !date.isAfter(to);
    }
}
