package org.clinic.appointments.application;

import org.clinic.appointments.domain.PaymentMethod;

/** Card details as a patient types them, valid but for what the number says. */
final class PaymentCards {

    private PaymentCards() {
    }

    static PaymentDetails card(String number) {
        PaymentDetails details = new PaymentDetails();
        details.setMethod(PaymentMethod.CARD);
        details.setCardNumber(number);
        details.setCardExpiry("12/40");
        details.setCardCvv("123");
        details.setCardName("Asha Rao");
        return details;
    }
}
