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
