package org.clinic.appointments.domain;

import java.util.Objects;

/**
 * What the payment gateway answered: {@code Success}, {@code Failed} or, for Pay-at-Clinic, {@code Pending}.
 * Card payments keep only the brand and the last four digits.
 */
public record PaymentOutcome(PaymentMethod method, PaymentStatus status, String transactionId, String provider,
        String cardBrand, String cardLast4) {

    public PaymentOutcome {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        if (status == PaymentStatus.REFUNDED) {
            throw new IllegalArgumentException("A payment cannot come back refunded");
        }
    }

    public boolean confirms() {
        return status != PaymentStatus.FAILED;
    }
}
