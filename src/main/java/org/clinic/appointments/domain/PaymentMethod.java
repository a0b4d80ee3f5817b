package org.clinic.appointments.domain;

/** How a patient pays. */
public enum PaymentMethod {
    UPI("UPI"),
    CARD("Card"),
    NETBANKING("Netbanking"),
    WALLET("Wallet"),
    PAY_AT_CLINIC("Pay-at-Clinic");

    private final String code;

    PaymentMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PaymentMethod fromCode(String code) {
        for (PaymentMethod method : values()) {
            if (method.code.equalsIgnoreCase(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown payment method '" + code + "'");
    }
}
