package org.clinic.appointments.domain;

/**
 * The life of an appointment: awaiting payment, confirmed, then on its day arrived (checked in) and completed;
 * or cancelled, or a no-show. All but cancelled and no-show own their slot.
 */
public enum AppointmentStatus {
    PENDING_PAYMENT("pending_payment"),
    CONFIRMED("confirmed"),
    CANCELLED("cancelled"),
    NO_SHOW("no_show"),
    ARRIVED("arrived"),
    COMPLETED("completed");

    private final String code;

    AppointmentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean holdsSlot() {
        return this == PENDING_PAYMENT || isBooked();
    }

    /** Confirmed, arrived or completed: the slot is this appointment's for good. */
    public boolean isBooked() {
        return this == CONFIRMED || this == ARRIVED || this == COMPLETED;
    }

    private static final AppointmentStatus[] ALL = values();

    /** The stored code, exactly (the common case, checked first) or in any case. */
    public static AppointmentStatus fromCode(String code) {
        for (AppointmentStatus status : ALL) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        for (AppointmentStatus status : ALL) {
            if (status.code.equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown appointment status '" + code + "'");
    }
}
