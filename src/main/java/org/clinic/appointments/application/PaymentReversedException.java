package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/**
 * A payment the gateway took that could not be recorded on the appointment (the hold ran out meanwhile, or another
 * payment confirmed it first). Says why, as the refusal did, and what became of the charge.
 */
public class PaymentReversedException extends BookingException {

    private static final long serialVersionUID = 1L;

    /** What became of the charge. */
    public enum ChargeFate {
        /** The gateway gave it back at once. */
        GIVEN_BACK,
        /** The gateway could not; the appointment notes it as owed, and a later attempt gives it back. */
        OWED,
        /** The gateway could not, and the store could not note it: only the log knows, for the clinic to check. */
        TO_CHECK
    }

    private final String chargeId;
    private final ChargeFate fate;
    private final String reversalReference;

    public PaymentReversedException(BookingException refusal, String chargeId, ChargeFate fate,
            String reversalReference) {
        super(refusal.getMessageKey(), refusal.getArguments());
        initCause(refusal);
        this.chargeId = chargeId;
        this.fate = fate;
        this.reversalReference = reversalReference;
    }

    /** The gateway's transaction id of the charge that was not recorded. */
    public String getChargeId() {
        return chargeId;
    }

    public ChargeFate getFate() {
        return fate;
    }

    /** The reversal's reference when the charge was given back; else null. */
    public String getReversalReference() {
        return reversalReference;
    }
}
