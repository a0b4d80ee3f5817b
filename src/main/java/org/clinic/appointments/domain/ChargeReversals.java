package org.clinic.appointments.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The charges the gateway is to give back for an appointment, as its history tells: a charge never recorded on it,
 * and its recorded payment when it is refunded. Each is given back at once, or, when the gateway could not, stays
 * owed until a later attempt gives it back.
 */
public final class ChargeReversals {

    /** The history action of a charge given back; its note names the charge, then the reversal. */
    public static final String GIVEN_BACK = "payment_reversed";
    /** The history action of a charge still to give back; its note is the charge. */
    public static final String OWED = "payment_reversal_owed";

    private static final String GIVEN_BACK_AS = " given back as ";

    private ChargeReversals() {
    }

    static String givenBackNote(String chargeId, String reversal) {
        return chargeId + GIVEN_BACK_AS + reversal;
    }

    /** A charge given back: the gateway's id of the charge, and the reversal's reference. */
    public record GivenBack(String chargeId, String reversal) implements java.io.Serializable {
    }

    /** The charges the history notes as given back, in the order they were. */
    public static List<GivenBack> givenBack(Appointment appointment) {
        List<GivenBack> givenBack = new ArrayList<>();
        for (HistoryEntry entry : appointment.getHistory()) {
            String note = entry.getNote();
            int as = note == null ? -1 : note.indexOf(GIVEN_BACK_AS);
            if (GIVEN_BACK.equals(entry.getAction()) && as > 0) {
                givenBack.add(new GivenBack(note.substring(0, as), note.substring(as + GIVEN_BACK_AS.length())));
            }
        }
        return givenBack;
    }

    /** Whether the history notes the charge as given back. */
    public static boolean givenBack(Appointment appointment, String chargeId) {
        return givenBack(appointment).stream().anyMatch(g -> g.chargeId().equals(chargeId));
    }

    /** Whether the charge is the appointment's own payment, given back because it was refunded. */
    public static boolean isRefund(Appointment appointment, String chargeId) {
        return appointment.getPaymentStatus() == PaymentStatus.REFUNDED && chargeId.equals(appointment.getTransactionId());
    }

    /** The charges noted as owed and not given back since, oldest first. */
    public static List<String> owed(Appointment appointment) {
        List<String> owed = new ArrayList<>();
        for (HistoryEntry entry : appointment.getHistory()) {
            if (OWED.equals(entry.getAction()) && entry.getNote() != null && !owed.contains(entry.getNote())
                    && !givenBack(appointment, entry.getNote())) {
                owed.add(entry.getNote());
            }
        }
        return owed;
    }
}
