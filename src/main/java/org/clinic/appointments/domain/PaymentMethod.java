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

    private static final PaymentMethod[] ALL = values();

    /** The stored code, exactly (the common case, checked first) or in any case. */
    public static PaymentMethod fromCode(String code) {
        for (PaymentMethod method : ALL) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        for (PaymentMethod method : ALL) {
            if (method.code.equalsIgnoreCase(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown payment method '" + code + "'");
    }
}
