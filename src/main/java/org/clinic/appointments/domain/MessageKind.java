package org.clinic.appointments.domain;

import java.util.Arrays;

/** What a message to a patient says, as its template and the outbox name it. */
public enum MessageKind {
    BOOKING_CONFIRMED("booking_confirmed"),
    PAYMENT_RECEIVED("payment_received"),
    CANCELLED_BY_PATIENT("cancelled_by_patient"),
    CANCELLED_BY_CLINIC("cancelled_by_clinic"),
    CANCELLED_FOR_LEAVE("cancelled_for_leave"),
    RESCHEDULED("rescheduled"),
    REFUND_ISSUED("refund_issued"),
    REMINDER("reminder"),
    WAITLIST_OFFER("waitlist_offer");

    private final String code;

    MessageKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MessageKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown message kind: " + code));
    }
}
