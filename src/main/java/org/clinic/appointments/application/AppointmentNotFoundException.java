package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/** No such appointment for this caller: the same answer whether it does not exist or belongs to another patient. */
public class AppointmentNotFoundException extends BookingException {

    private static final long serialVersionUID = 1L;

    public AppointmentNotFoundException() {
        super("appointment.not_found");
    }
}
