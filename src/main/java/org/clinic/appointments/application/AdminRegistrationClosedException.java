package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/** No admin registration code is configured, so nobody may register as an admin. */
public class AdminRegistrationClosedException extends BookingException {

    private static final long serialVersionUID = 1L;

    public AdminRegistrationClosedException() {
        super("admin_register.closed");
    }
}
