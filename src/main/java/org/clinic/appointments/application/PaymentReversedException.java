package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/**
 * A payment the gateway took that could not be recorded on the appointment (the hold ran out meanwhile, or another
 * payment confirmed it first): the charge was reversed. Says why, as the refusal did, and the reversal's reference.
 */
public class PaymentReversedException extends BookingException {

    private static final long serialVersionUID = 1L;

    private final String reversalReference;

    public PaymentReversedException(BookingException refusal, String reversalReference) {
        super(refusal.getMessageKey(), refusal.getArguments());
        initCause(refusal);
        this.reversalReference = reversalReference;
    }

    public String getReversalReference() {
        return reversalReference;
    }
}
