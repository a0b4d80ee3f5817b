package org.clinic.appointments.domain;

/** Someone else owns the slot by now. */
public class SlotTakenException extends BookingException {

    private static final long serialVersionUID = 1L;

    public SlotTakenException(SlotKey slot) {
        super("booking.slot.taken", slot.date(), slot.time());
    }
}
