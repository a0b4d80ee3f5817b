package org.clinic.appointments.domain;

/** Where the money stands for an appointment. */
public enum PaymentStatus {
    SUCCESS("Success"),
    FAILED("Failed"),
    PENDING("Pending"),
    REFUNDED("Refunded");

    private final String code;

    PaymentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    private static final PaymentStatus[] ALL = values();

    /** The stored code, exactly (the common case, checked first) or in any case. */
    public static PaymentStatus fromCode(String code) {
        for (PaymentStatus status : ALL) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        for (PaymentStatus status : ALL) {
            if (status.code.equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown payment status '" + code + "'");
    }
}
