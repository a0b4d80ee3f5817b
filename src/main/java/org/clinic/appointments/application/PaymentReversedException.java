package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/**
 * A payment the gateway took that could not be recorded on the appointment (the hold ran out meanwhile, or another
 * payment confirmed it first): the charge was reversed, or is owed when the gateway could not reverse it at once.
 * Says why, as the refusal did, and the reversal's reference.
 */
public class PaymentReversedException extends BookingException {

    private static final long serialVersionUID = 1L;

    private final String chargeId;
    private final String reversalReference;

    public PaymentReversedException(BookingException refusal, String chargeId, String reversalReference) {
        super(refusal.getMessageKey(), refusal.getArguments());
        initCause(refusal);
        this.chargeId = chargeId;
        this.reversalReference = reversalReference;
    }

    /** The gateway's transaction id of the charge that was not recorded. */
    public String getChargeId() {
        return chargeId;
    }

    /** The reversal's reference; null while the charge is owed. */
    public String getReversalReference() {
        return reversalReference;
    }

    public boolean isOwed() {
        return reversalReference == null;
    }
}
