package org.clinic.appointments.domain;

/** The life of an appointment. Pending and confirmed appointments own their slot. */
public enum AppointmentStatus {
    PENDING_PAYMENT("pending_payment"),
    CONFIRMED("confirmed"),
    CANCELLED("cancelled"),
    NO_SHOW("no_show");

    private final String code;

    AppointmentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean holdsSlot() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }

    public static AppointmentStatus fromCode(String code) {
        for (AppointmentStatus status : values()) {
            if (status.code.equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown appointment status '" + code + "'");
    }
}
