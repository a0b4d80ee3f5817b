package org.clinic.appointments.domain;

/** The patient's reason for a visit: required of patients, at most {@link #MAX_LENGTH} characters, kept whole. */
public final class VisitReason {

    public static final int MAX_LENGTH = 500;

    private VisitReason() {
    }

    /** A reason the front desk may leave out (a patient on the phone need not give one): empty when not given. */
    public static String optional(String reason) {
        return reason == null || reason.isBlank() ? "" : checked(reason);
    }

    /** The reason as stored (trimmed, line breaks as {@code \n}); refused with a {@link BookingException}. */
    public static String checked(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new BookingException("booking.reason.required");
        }
        FreeText.blockProblem(clean, MAX_LENGTH).ifPresent(problem -> {
            throw switch (problem) {
                case TOO_LONG -> new BookingException("booking.reason.too_long", MAX_LENGTH);
                case BROKEN_CHARACTER -> new BookingException("text.broken_character");
                case CONTROL_CHARACTER -> new BookingException("booking.reason.invalid");
            };
        });
        return clean.replace("\r\n", "\n");
    }
}
